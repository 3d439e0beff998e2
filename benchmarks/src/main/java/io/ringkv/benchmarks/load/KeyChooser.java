package io.ringkv.benchmarks.load;

import java.util.SplittableRandom;

/**
 * Picks the index (0..keyCount-1) of the key the next operation touches. Implementations hold no
 * mutable state: the caller passes its own random source, so several threads can share one chooser
 * and a fixed seed gives a fixed sequence per thread.
 */
public interface KeyChooser {

    /** The number of distinct keys, i.e. one more than the largest index returned. */
    long keyCount();

    /** The next key index, in {@code [0, keyCount())}. */
    long nextKeyIndex(SplittableRandom random);

    /** A chooser of the given distribution over {@code keyCount} keys. */
    static KeyChooser of(KeyDistribution distribution, long keyCount) {
        return switch (distribution) {
            case UNIFORM -> new UniformKeyChooser(keyCount);
            case ZIPFIAN -> new ZipfianGenerator(keyCount, ZipfianGenerator.YCSB_ZIPFIAN_CONSTANT);
        };
    }
}
