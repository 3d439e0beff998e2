package io.ringkv.server.antientropy;

import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.StoredEntry;
import io.ringkv.server.storage.UnsignedBytes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The Merkle tree of one partition: a fixed-depth binary tree over {@link MerkleTreeShape#leafCount()}
 * leaves, each leaf the wrapping sum of the {@link EntryHashes#entryHash entry hashes} of the keys in its
 * token slice. Every change of a key updates its leaf at once (subtract the old entry hash, add the new
 * one) and marks the leaf's ancestors dirty; inner hashes are recomputed only when asked for, so a burst
 * of writes costs one recomputation per dirty node, not one per write.
 *
 * <p><b>Building.</b> A tree made with {@link #building} is filled by a partition scan
 * ({@link #scanned}) while writes keep arriving ({@link #changed}). Because a scan is not a snapshot of
 * the writes that race with it, a change of a key the scan has not passed yet is remembered as an
 * override instead, and the scan skips that key; {@link #finishBuild()} adds the overrides' latest
 * bytes. A change of a key the scan has passed is applied incrementally as usual. Scans run in key
 * order, so "passed" is a comparison with the last scanned key.
 *
 * <p>Thread-safe: every method synchronises on the tree (one tree per partition keeps contention low).
 * Memory: {@code 2 × leafCount} longs plus a boolean per inner node.
 */
public final class PartitionMerkleTree {

    private final MerkleTreeShape shape;
    private final int partition;
    /** Heap-ordered hashes; index 0 unused, leaves at {@code [leafCount, 2 × leafCount)}. */
    private final long[] nodes;
    /** Inner nodes whose hash is stale; indexed like {@link #nodes}. */
    private final boolean[] dirty;

    private final CountDownLatch built = new CountDownLatch(1);
    /** Latest bytes of keys changed ahead of the scan (null value = removed); null once built. */
    private Map<ByteBuffer, PendingChange> overrides;
    /** The encoded key the scan returned last, null before the first entry. */
    private byte[] scanPosition;

    private PartitionMerkleTree(MerkleTreeShape shape, int partition, boolean building) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.partition = partition;
        this.nodes = new long[2 * shape.leafCount()];
        this.dirty = new boolean[shape.leafCount()];
        Arrays.fill(dirty, true);
        if (building) {
            overrides = new HashMap<>();
        } else {
            built.countDown();
        }
    }

    /** An empty tree, ready at once (a partition with no data). */
    public static PartitionMerkleTree empty(MerkleTreeShape shape, int partition) {
        return new PartitionMerkleTree(shape, partition, false);
    }

    /** A tree to be filled by a scan ({@link #scanned}) and then {@link #finishBuild()}. */
    public static PartitionMerkleTree building(MerkleTreeShape shape, int partition) {
        return new PartitionMerkleTree(shape, partition, true);
    }

    public int partition() {
        return partition;
    }

    public MerkleTreeShape shape() {
        return shape;
    }

    /** Records that {@code key}'s stored bytes went from {@code previousEncoded} to {@code newEncoded}. */
    public synchronized void changed(StorageKey key, byte[] previousEncoded, byte[] newEncoded) {
        if (overrides != null) {
            byte[] encodedKey = key.encode();
            ByteBuffer wrapped = ByteBuffer.wrap(encodedKey);
            if (overrides.containsKey(wrapped)
                    || scanPosition == null
                    || UnsignedBytes.compare(encodedKey, scanPosition) > 0) {
                overrides.put(wrapped, new PendingChange(key, newEncoded));
                return;
            }
        }
        if (previousEncoded != null) {
            addToLeaf(key, -EntryHashes.entryHash(key.key(), previousEncoded));
        }
        if (newEncoded != null) {
            addToLeaf(key, EntryHashes.entryHash(key.key(), newEncoded));
        }
    }

    /** Adds one entry returned by the building scan; entries must come in key order. */
    public synchronized void scanned(StoredEntry entry) {
        if (overrides == null) {
            throw new IllegalStateException("the tree of partition " + partition + " is already built");
        }
        byte[] encodedKey = entry.key().encode();
        scanPosition = encodedKey;
        if (!overrides.containsKey(ByteBuffer.wrap(encodedKey))) {
            addToLeaf(entry.key(), EntryHashes.entryHash(entry.key().key(), entry.value()));
        }
    }

    /** Ends the build: applies the overrides and serves changes incrementally from now on. */
    public synchronized void finishBuild() {
        if (overrides == null) {
            return;
        }
        for (PendingChange change : overrides.values()) {
            if (change.encodedSet() != null) {
                addToLeaf(change.key(), EntryHashes.entryHash(change.key().key(), change.encodedSet()));
            }
        }
        overrides = null;
        scanPosition = null;
        built.countDown();
    }

    /**
     * Waits until the building scan has finished.
     *
     * @return false when it did not finish within the timeout
     */
    public boolean awaitBuilt(long timeoutMillis) throws InterruptedException {
        return built.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** The root hash. */
    public synchronized long root() {
        return hash(1);
    }

    /** The hash of the node with heap index {@code index}. */
    public synchronized long hash(int index) {
        if (index < 1 || index >= nodes.length) {
            throw new IllegalArgumentException("no node " + index + " in a tree of " + shape.leafCount() + " leaves");
        }
        if (index < dirty.length && dirty[index]) {
            nodes[index] = EntryHashes.combine(hash(2 * index), hash(2 * index + 1));
            dirty[index] = false;
        }
        return nodes[index];
    }

    /** The hashes of several nodes, read under one lock so they are mutually consistent. */
    public synchronized long[] hashes(int[] indexes) {
        long[] result = new long[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            result[i] = hash(indexes[i]);
        }
        return result;
    }

    /** The hash of leaf {@code leaf} (0-based). */
    public synchronized long leafHash(int leaf) {
        return hash(shape.leafCount() + leaf);
    }

    private void addToLeaf(StorageKey key, long delta) {
        int index = shape.leafCount() + shape.leafOf(key.token());
        nodes[index] += delta;
        for (int parent = index >>> 1; parent >= 1; parent >>>= 1) {
            dirty[parent] = true;
        }
    }

    private record PendingChange(StorageKey key, byte[] encodedSet) {}
}
