package io.ringkv.server.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.server.storage.CloseableIterator;
import io.ringkv.server.storage.ReplicaStore;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.StoredEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartitionMerkleTreeTest {

    private static final MerkleTreeShape SHAPE = new MerkleTreeShape(4, 16);

    @Test
    void should_equal_a_from_scratch_rebuild_after_random_incremental_changes() {
        for (long seed = 1; seed <= 5; seed++) {
            TestReplica replica = new TestReplica("a", SHAPE);
            SplittableRandom random = new SplittableRandom(seed);
            // Trees exist before the data, so every change below is incremental.
            for (int partition = 0; partition < 4; partition++) {
                replica.forest.tree(partition);
            }
            applyRandomChanges(replica, random, 2_000);

            MerkleForest rebuilt = new MerkleForest(SHAPE, replica.engine);
            for (int partition = 0; partition < 4; partition++) {
                assertThat(allHashes(replica.forest.tree(partition)))
                        .as("partition %d, seed %d", partition, seed)
                        .containsExactly(allHashes(rebuilt.tree(partition)));
            }
            assertThat(rebuilt.partitionScans()).isEqualTo(4);
        }
    }

    @Test
    void should_match_a_rebuild_when_writes_race_with_the_building_scan() {
        for (long seed = 1; seed <= 5; seed++) {
            TestReplica replica = new TestReplica("a", SHAPE);
            SplittableRandom random = new SplittableRandom(seed);
            applyRandomChanges(replica, random, 300);
            int partition = 2;
            // The scan's view is a snapshot taken before the racing writes (as RocksDB's is).
            List<StoredEntry> snapshot = new ArrayList<>();
            try (CloseableIterator<StoredEntry> scan = replica.engine.scanPartition(partition)) {
                scan.forEachRemaining(snapshot::add);
            }
            PartitionMerkleTree tree = PartitionMerkleTree.building(SHAPE, partition);
            ReplicaStore racing = new ReplicaStore(replica.engine, tree::changed);
            TestReplica writer = new TestReplica("b", SHAPE);
            int scanned = 0;
            while (scanned < snapshot.size()) {
                if (random.nextInt(3) == 0) {
                    StorageKey key = keyOfPartition(writer, random, partition);
                    racing.apply(key, writer.write(key, "v" + random.nextInt(), 1L))
                            .join();
                } else {
                    tree.scanned(snapshot.get(scanned++));
                }
            }
            tree.finishBuild();

            PartitionMerkleTree rebuilt = new MerkleForest(SHAPE, replica.engine).tree(partition);
            assertThat(allHashes(tree)).as("seed %d", seed).containsExactly(allHashes(rebuilt));
        }
    }

    @Test
    void should_give_equal_roots_to_replicas_that_merged_the_same_sets_in_different_orders() {
        TestReplica a = new TestReplica("a", SHAPE);
        TestReplica b = new TestReplica("b", SHAPE);
        TestReplica c = new TestReplica("c", SHAPE);
        List<StorageKey> keys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            StorageKey key = a.key("key-" + i);
            keys.add(key);
            a.write(key, "from-a-" + i, 1L);
            b.write(key, "from-b-" + i, 2L);
        }
        for (StorageKey key : keys) {
            c.merge(key, a.store.read(key).orElseThrow());
            c.merge(key, b.store.read(key).orElseThrow());
        }
        for (int i = keys.size() - 1; i >= 0; i--) {
            a.merge(keys.get(i), b.store.read(keys.get(i)).orElseThrow());
        }
        for (int partition = 0; partition < 4; partition++) {
            assertThat(a.forest.tree(partition).root())
                    .isEqualTo(c.forest.tree(partition).root());
        }
    }

    @Test
    void should_change_only_the_path_of_the_changed_leaf() {
        TestReplica replica = new TestReplica("a", SHAPE);
        for (int i = 0; i < 100; i++) {
            replica.write(replica.key("key-" + i), "v", 1L);
        }
        StorageKey key = replica.key("key-7");
        PartitionMerkleTree tree = replica.forest.tree(key.partition());
        long[] before = allHashes(tree);
        replica.write(key, "changed", 2L);
        long[] after = allHashes(tree);
        Set<Integer> path = new HashSet<>();
        for (int index = SHAPE.leafCount() + SHAPE.leafOf(key.token()); index >= 1; index >>>= 1) {
            path.add(index);
        }
        for (int index = 1; index < before.length; index++) {
            assertThat(after[index] != before[index]).as("node %d", index).isEqualTo(path.contains(index));
        }
    }

    /** Writes, overwrites, deletes, purges and merges of foreign versions over 150 keys. */
    private static void applyRandomChanges(TestReplica replica, SplittableRandom random, int count) {
        TestReplica other = new TestReplica("other", SHAPE);
        for (int i = 0; i < count; i++) {
            StorageKey key = replica.key("key-" + random.nextInt(150));
            switch (random.nextInt(5)) {
                case 0, 1 -> replica.write(key, "value-" + random.nextInt(1_000), 1_000L + i);
                case 2 -> replica.delete(key, 1_000L + i);
                case 3 -> replica.store.removeIf(key, set -> true).join();
                default -> replica.merge(key, other.write(key, "other-" + i, 1_000L + i));
            }
        }
    }

    private static StorageKey keyOfPartition(TestReplica replica, SplittableRandom random, int partition) {
        while (true) {
            StorageKey key = replica.key("key-" + random.nextInt(150));
            if (key.partition() == partition) {
                return key;
            }
        }
    }

    /** Every node hash, indexed by heap index (index 0 unused). */
    private static long[] allHashes(PartitionMerkleTree tree) {
        long[] hashes = new long[2 * SHAPE.leafCount()];
        for (int index = 1; index < hashes.length; index++) {
            hashes[index] = tree.hash(index);
        }
        return hashes;
    }
}
