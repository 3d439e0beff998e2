package io.ringkv.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * MurmurHash3 x64_128 (Austin Appleby's public-domain algorithm), the hash behind every token.
 *
 * <p>The digest is the two 64-bit words {@code {h1, h2}}; as bytes it is {@code h1} then {@code h2},
 * each little-endian, which is what the reference implementation, Guava's {@code murmur3_128} and
 * Python's {@code mmh3} produce. A key's token is {@code h1} read as a signed long, the same value
 * Cassandra's {@code Murmur3Partitioner} uses, so client and server must both hash through this class.
 *
 * <p>The reference implementation takes a 32-bit unsigned seed and widens it to 64 bits with zeros;
 * to reproduce its output for a seed {@code s}, pass {@code s & 0xFFFFFFFFL}. Stateless and thread-safe;
 * the data is read in place and never copied.
 */
public final class Murmur3 {

    /** The seed tokens are computed with. Changing it would move every key of an existing cluster. */
    public static final long DEFAULT_SEED = 0L;

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Murmur3() {}

    /** The 128-bit digest {@code {h1, h2}} of the whole array with seed 0. */
    public static long[] hash128(byte[] data) {
        return hash128(data, 0, data.length, DEFAULT_SEED);
    }

    /** The 128-bit digest {@code {h1, h2}} of {@code data[offset, offset + length)}. */
    public static long[] hash128(byte[] data, int offset, int length, long seed) {
        long[] digest = new long[2];
        hash(data, offset, length, seed, digest);
        return digest;
    }

    /** The first digest word with seed 0, i.e. the token of the whole array; allocates nothing. */
    public static long firstWord(byte[] data) {
        return hash(data, 0, data.length, DEFAULT_SEED, null);
    }

    /** The first digest word of {@code data[offset, offset + length)} with seed 0; allocates nothing. */
    public static long firstWord(byte[] data, int offset, int length) {
        return hash(data, offset, length, DEFAULT_SEED, null);
    }

    /** Computes the digest, stores both words into {@code digest} when it is not null, returns h1. */
    @SuppressWarnings("fallthrough") // the tail switch falls through on purpose, as in the reference code
    private static long hash(byte[] data, int offset, int length, long seed, long[] digest) {
        Objects.checkFromIndexSize(offset, length, data.length);
        long h1 = seed;
        long h2 = seed;
        int blockEnd = offset + (length & ~15);
        for (int index = offset; index < blockEnd; index += 16) {
            long k1 = (long) LITTLE_ENDIAN_LONG.get(data, index);
            long k2 = (long) LITTLE_ENDIAN_LONG.get(data, index + 8);

            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;

            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }

        long k1 = 0;
        long k2 = 0;
        int tail = blockEnd;
        switch (length & 15) {
            case 15:
                k2 ^= (data[tail + 14] & 0xFFL) << 48;
            case 14:
                k2 ^= (data[tail + 13] & 0xFFL) << 40;
            case 13:
                k2 ^= (data[tail + 12] & 0xFFL) << 32;
            case 12:
                k2 ^= (data[tail + 11] & 0xFFL) << 24;
            case 11:
                k2 ^= (data[tail + 10] & 0xFFL) << 16;
            case 10:
                k2 ^= (data[tail + 9] & 0xFFL) << 8;
            case 9:
                k2 ^= data[tail + 8] & 0xFFL;
                h2 ^= mixK2(k2);
            case 8:
                k1 ^= (data[tail + 7] & 0xFFL) << 56;
            case 7:
                k1 ^= (data[tail + 6] & 0xFFL) << 48;
            case 6:
                k1 ^= (data[tail + 5] & 0xFFL) << 40;
            case 5:
                k1 ^= (data[tail + 4] & 0xFFL) << 32;
            case 4:
                k1 ^= (data[tail + 3] & 0xFFL) << 24;
            case 3:
                k1 ^= (data[tail + 2] & 0xFFL) << 16;
            case 2:
                k1 ^= (data[tail + 1] & 0xFFL) << 8;
            case 1:
                k1 ^= data[tail] & 0xFFL;
                h1 ^= mixK1(k1);
            default:
                break;
        }

        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = finalMix(h1);
        h2 = finalMix(h2);
        h1 += h2;
        h2 += h1;
        if (digest != null) {
            digest[0] = h1;
            digest[1] = h2;
        }
        return h1;
    }

    private static long mixK1(long k1) {
        return Long.rotateLeft(k1 * C1, 31) * C2;
    }

    private static long mixK2(long k2) {
        return Long.rotateLeft(k2 * C2, 33) * C1;
    }

    private static long finalMix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
