package io.ringkv.server.antientropy;

import io.ringkv.server.storage.CloseableIterator;
import io.ringkv.server.storage.ReplicaStore;
import io.ringkv.server.storage.StorageEngine;
import io.ringkv.server.storage.StorageException;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.StoredEntry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A node's Merkle trees, one per partition it has been asked about. A tree is created on first use by
 * scanning its partition once; from then on the {@link ReplicaStore} keeps it current through
 * {@link #changed}, so an exchange never rescans. Changes of partitions without a tree are ignored: the
 * scan that creates the tree will see them.
 *
 * <p><b>Memory.</b> Q partitions × (2 × leaves) × 8 bytes at most, e.g. 4,096 × 128 × 8 = 4 MiB with the
 * default 64 leaves, independent of the number of keys.
 *
 * <p>Thread-safe. {@link #tree} blocks while the first scan of a partition runs (on the calling thread,
 * or on another caller's), so call it off the event loops.
 */
public final class MerkleForest implements ReplicaStore.StoredSetObserver {

    /** How long a caller waits for another thread's building scan before giving up. */
    private static final long BUILD_WAIT_MILLIS = 120_000;

    private final MerkleTreeShape shape;
    private final StorageEngine engine;
    private final Map<Integer, PartitionMerkleTree> trees = new ConcurrentHashMap<>();
    private final LongAdder partitionScans = new LongAdder();

    public MerkleForest(MerkleTreeShape shape, StorageEngine engine) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    public MerkleTreeShape shape() {
        return shape;
    }

    @Override
    public void changed(StorageKey key, byte[] previousEncoded, byte[] newEncoded) {
        PartitionMerkleTree tree = trees.get(key.partition());
        if (tree != null) {
            tree.changed(key, previousEncoded, newEncoded);
        }
    }

    /** The tree of {@code partition}, built by one scan of the partition the first time it is asked for. */
    public PartitionMerkleTree tree(int partition) {
        PartitionMerkleTree existing = trees.get(partition);
        if (existing == null) {
            PartitionMerkleTree candidate = PartitionMerkleTree.building(shape, partition);
            existing = trees.putIfAbsent(partition, candidate);
            if (existing == null) {
                build(candidate);
                return candidate;
            }
        }
        awaitBuilt(existing);
        // A failed build removed its tree; the next caller scans again.
        return trees.get(partition) == existing ? existing : tree(partition);
    }

    /** Whether the tree of {@code partition} exists already (no scan needed to answer for it). */
    public boolean hasTree(int partition) {
        return trees.containsKey(partition);
    }

    /** How many partition scans built trees so far. */
    public long partitionScans() {
        return partitionScans.sum();
    }

    private void build(PartitionMerkleTree tree) {
        // Registered before the scan starts, so every write from now on reaches the tree (as an override
        // while the scan has not passed its key).
        partitionScans.increment();
        try (CloseableIterator<StoredEntry> scan = engine.scanPartition(tree.partition())) {
            while (scan.hasNext()) {
                tree.scanned(scan.next());
            }
            tree.finishBuild();
        } catch (RuntimeException failure) {
            trees.remove(tree.partition(), tree);
            tree.finishBuild();
            throw failure;
        }
    }

    private static void awaitBuilt(PartitionMerkleTree tree) {
        try {
            if (!tree.awaitBuilt(BUILD_WAIT_MILLIS)) {
                throw new StorageException("the Merkle tree of partition " + tree.partition() + " was not built within "
                        + BUILD_WAIT_MILLIS + " ms");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StorageException(
                    "interrupted while waiting for the Merkle tree of partition " + tree.partition());
        }
    }
}
