package io.ringkv.benchmarks.load;

import java.util.SplittableRandom;

/** Every key index equally likely. */
public record UniformKeyChooser(long keyCount) implements KeyChooser {

    public UniformKeyChooser {
        if (keyCount < 1) {
            throw new IllegalArgumentException("key count must be positive, was " + keyCount);
        }
    }

    @Override
    public long nextKeyIndex(SplittableRandom random) {
        return random.nextLong(keyCount);
    }
}
