package io.ringkv.benchmarks.load;

import java.util.SplittableRandom;

/**
 * Random values of a fixed size, generated once from a seed and handed out in turn. Values are
 * incompressible (random bytes) and the pool is large enough that consecutive writes of a key carry
 * different bytes; the arrays are shared, never mutated, as the protocol messages require.
 */
public final class ValuePool {

    private static final int POOL_SIZE = 64;

    private final byte[][] values;

    public ValuePool(int valueBytes, long seed) {
        if (valueBytes < 0) {
            throw new IllegalArgumentException("value size must not be negative, was " + valueBytes);
        }
        SplittableRandom random = new SplittableRandom(seed);
        values = new byte[POOL_SIZE][];
        for (int i = 0; i < POOL_SIZE; i++) {
            byte[] value = new byte[valueBytes];
            for (int b = 0; b < valueBytes; b++) {
                value[b] = (byte) random.nextInt(256);
            }
            values[i] = value;
        }
    }

    /** The value for the {@code sequence}-th write (any non-negative number; the pool wraps around). */
    public byte[] value(long sequence) {
        return values[(int) Math.floorMod(sequence, POOL_SIZE)];
    }
}
