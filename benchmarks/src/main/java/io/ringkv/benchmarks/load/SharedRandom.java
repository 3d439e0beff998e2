package io.ringkv.benchmarks.load;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A seeded random source many threads can draw from without a lock: SplitMix64 over an atomic counter.
 * The multiset of values drawn is fixed by the seed; which thread gets which value depends on timing.
 */
public final class SharedRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final AtomicLong state;

    public SharedRandom(long seed) {
        this.state = new AtomicLong(seed);
    }

    /** A uniform value in {@code [0, bound)}; {@code bound} must be positive. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        long mixed = mix(state.addAndGet(GOLDEN_GAMMA));
        // Multiply-shift maps 32 random bits onto [0, bound) with negligible bias for small bounds.
        return (int) (((mixed >>> 32) * bound) >>> 32);
    }

    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
