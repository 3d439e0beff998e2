package io.ringkv.server.antientropy;

import io.ringkv.ring.Murmur3;
import java.nio.ByteBuffer;

/**
 * The hash functions of the Merkle trees. An entry hash covers a key and its encoded sibling set; a leaf
 * is the wrapping sum of its entries' hashes (so one change is one subtraction and one addition, in any
 * order); an inner node mixes its two children. Equal sibling sets encode to equal bytes, so replicas
 * holding the same data compute the same hashes.
 */
public final class EntryHashes {

    private EntryHashes() {}

    /**
     * A 64-bit hash of {@code key ‖ encodedSet}, with the key length in front so that moving a byte from
     * the key into the value changes the hash.
     */
    public static long entryHash(byte[] key, byte[] encodedSet) {
        byte[] input = ByteBuffer.allocate(Integer.BYTES + key.length + encodedSet.length)
                .putInt(key.length)
                .put(key)
                .put(encodedSet)
                .array();
        return Murmur3.firstWord(input);
    }

    /** The hash of an inner node from its children's; order matters, so swapped subtrees differ. */
    public static long combine(long left, long right) {
        return mix(mix(left) * 31 + right);
    }

    /** Murmur3's 64-bit finaliser: spreads every input bit over the whole word. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
