package io.ringkv.consistency.checker;

import java.util.Arrays;
import java.util.Objects;

/**
 * The memo of the linearizability search: a hash set of (set of linearized operations, model state)
 * pairs already explored. Two search paths that linearized the same operations and reached the same
 * state have the same future, so the second one is cut. Open addressing over parallel arrays keeps it
 * compact; the operation set arrives with a hash maintained incrementally by the caller, so adding a
 * pair costs one bitset copy and no rehash of the bitset.
 *
 * <p>Not thread-safe: one instance per search.
 */
final class VisitedStates {

    private static final int INITIAL_CAPACITY = 1 << 10;

    private long[] hashes = new long[INITIAL_CAPACITY];
    private long[][] bitsets = new long[INITIAL_CAPACITY][];
    private Object[] states = new Object[INITIAL_CAPACITY];
    private int size;

    /**
     * Adds the pair unless present.
     *
     * @param bits the linearized set; copied when added, so the caller may keep mutating it
     * @param bitsHash a hash of {@code bits} that equal sets always share
     * @return true when the pair was new
     */
    boolean add(long[] bits, long bitsHash, Object state) {
        long hash = mix(bitsHash * 0x9E3779B97F4A7C15L + Objects.hashCode(state));
        if (hash == 0) {
            hash = 1;
        }
        int mask = hashes.length - 1;
        int slot = (int) hash & mask;
        while (hashes[slot] != 0) {
            if (hashes[slot] == hash && Arrays.equals(bitsets[slot], bits) && Objects.equals(states[slot], state)) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        bitsets[slot] = bits.clone();
        states[slot] = state;
        size++;
        if (size * 2 > hashes.length) {
            grow();
        }
        return true;
    }

    int size() {
        return size;
    }

    /** A 64-bit finalizer (SplitMix64) so that similar inputs land in distant slots. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[][] oldBitsets = bitsets;
        Object[] oldStates = states;
        int capacity = oldHashes.length * 2;
        hashes = new long[capacity];
        bitsets = new long[capacity][];
        states = new Object[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != 0) {
                int slot = (int) oldHashes[i] & mask;
                while (hashes[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                bitsets[slot] = oldBitsets[i];
                states[slot] = oldStates[i];
            }
        }
    }
}
