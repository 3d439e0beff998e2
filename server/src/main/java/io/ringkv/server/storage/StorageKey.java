package io.ringkv.server.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where one user key lives in the local store: its ring partition, its token and the key bytes.
 *
 * <p>{@link #encode()} lays the three out as {@code partition (4 bytes, big-endian) ‖ token (8 bytes,
 * big-endian, sign bit flipped) ‖ key bytes}. Flipping the sign bit makes the unsigned byte order of the
 * encoding equal the signed order of tokens, so in every engine (all of which order keys as unsigned
 * bytes, see {@link UnsignedBytes}) a partition is one contiguous range sorted by token and then by key.
 * Streaming and Merkle trees rely on this.
 *
 * @param partition the ring partition, {@code >= 0}
 * @param token the key's 64-bit token (Murmur3 of the key)
 * @param key the user key; callers must not modify the array after handing it over
 */
public record StorageKey(int partition, long token, byte[] key) {

    /** Bytes before the user key in the encoding: partition (4) and token (8). */
    public static final int HEADER_BYTES = Integer.BYTES + Long.BYTES;

    public StorageKey {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, was " + partition);
        }
        Objects.requireNonNull(key, "key");
    }

    /** The key as stored: {@code partition ‖ token ^ Long.MIN_VALUE ‖ key}, all big-endian. */
    public byte[] encode() {
        return ByteBuffer.allocate(HEADER_BYTES + key.length)
                .putInt(partition)
                .putLong(token ^ Long.MIN_VALUE)
                .put(key)
                .array();
    }

    /**
     * The inverse of {@link #encode()}.
     *
     * @throws IllegalArgumentException when {@code encoded} is shorter than {@link #HEADER_BYTES} or
     *     names a negative partition, i.e. was not produced by {@link #encode()}
     */
    public static StorageKey decode(byte[] encoded) {
        if (encoded.length < HEADER_BYTES) {
            throw new IllegalArgumentException(
                    "an encoded storage key has at least " + HEADER_BYTES + " bytes, got " + encoded.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(encoded);
        int partition = buffer.getInt();
        if (partition < 0) {
            throw new IllegalArgumentException("encoded storage key names a negative partition " + partition);
        }
        long token = buffer.getLong() ^ Long.MIN_VALUE;
        return new StorageKey(partition, token, Arrays.copyOfRange(encoded, HEADER_BYTES, encoded.length));
    }

    /** The 4-byte prefix every encoded key of {@code partition} starts with. */
    public static byte[] partitionPrefix(int partition) {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, was " + partition);
        }
        return ByteBuffer.allocate(Integer.BYTES).putInt(partition).array();
    }

    /** Reads the partition of an encoded key without decoding the rest. */
    public static int partitionOf(byte[] encoded) {
        if (encoded.length < Integer.BYTES) {
            throw new IllegalArgumentException("an encoded storage key has at least 4 bytes, got " + encoded.length);
        }
        return ByteBuffer.wrap(encoded).getInt();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StorageKey that
                && partition == that.partition
                && token == that.token
                && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return (31 * partition + Long.hashCode(token)) * 31 + Arrays.hashCode(key);
    }

    /** Partition, token and the key as text when printable, otherwise as hex; at most 64 key bytes shown. */
    @Override
    public String toString() {
        return "StorageKey[partition=" + partition + ", token=" + token + ", key=" + printableKey() + "]";
    }

    private String printableKey() {
        boolean printable = true;
        for (byte value : key) {
            if (value < 0x20 || value > 0x7e) {
                printable = false;
                break;
            }
        }
        if (!printable) {
            return "0x" + UnsignedBytes.toHex(key, 64);
        }
        String text = new String(key, 0, Math.min(key.length, 64), StandardCharsets.US_ASCII);
        return '"' + text + (key.length > 64 ? "…" : "") + '"';
    }
}
