package io.ringkv.server.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.protocol.message.MessageKind;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AntiEntropySessionTest {

    private static final int PARTITIONS = 2;
    private static final int LEAVES = 256;
    private static final int KEYS = 10_000;
    private static final MerkleTreeShape SHAPE = new MerkleTreeShape(PARTITIONS, LEAVES);

    private final ManualClock clock = new ManualClock();
    private final TestReplica a = new TestReplica("a", SHAPE);
    private final TestReplica b = new TestReplica("b", SHAPE);
    private final FakePeers peers = new FakePeers().add(a).add(b);
    private final List<StorageKey> keys = new ArrayList<>();

    @Test
    void should_exchange_only_the_root_when_replicas_are_identical() throws InterruptedException {
        writeBaseDataSet();

        List<ExchangeResult> results = syncEveryPartition(unlimitedBudget());

        for (ExchangeResult result : results) {
            assertThat(result.hashesReceived()).isEqualTo(1);
            assertThat(result.keyHashesReceived()).isZero();
            assertThat(result.keysRepaired()).isZero();
            assertThat(result.inSync()).isTrue();
        }
        assertThat(peers.requests(MessageKind.MERKLE_REQUEST)).isEqualTo(PARTITIONS);
        assertThat(peers.requests(MessageKind.MERKLE_LEAF_REQUEST)).isZero();
    }

    @Test
    void should_converge_after_one_session_transferring_only_the_differing_keys() throws InterruptedException {
        // One seeded data set: 10,000 keys per replica keep the class fast enough on a shared machine.
        for (long seed = 42; seed <= 42; seed++) {
            TestReplica left = new TestReplica("a", SHAPE);
            TestReplica right = new TestReplica("b", SHAPE);
            FakePeers network = new FakePeers().add(left).add(right);
            writeBaseDataSet(left, right);
            int differing = 25;
            diverge(left, right, new SplittableRandom(seed), differing);

            List<ExchangeResult> results = new ArrayList<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                results.add(session(left, "b", network, partition, unlimitedBudget())
                        .run());
            }

            long repaired =
                    results.stream().mapToLong(ExchangeResult::keysRepaired).sum();
            long nodeHashes =
                    results.stream().mapToLong(ExchangeResult::hashesReceived).sum();
            long keyHashes = results.stream()
                    .mapToLong(ExchangeResult::keyHashesReceived)
                    .sum();
            long leaves =
                    results.stream().mapToLong(ExchangeResult::differingLeaves).sum();
            System.out.printf(
                    "seed %d: %d of %d keys differed; %d node hashes, %d key hashes, %d leaves, %d keys repaired%n",
                    seed, differing, KEYS, nodeHashes, keyHashes, leaves, repaired);
            assertThat(repaired).as("seed %d", seed).isEqualTo(differing);
            // At most two children per differing node on each of the log2(leaves) levels, plus the roots.
            int leafDepth = SHAPE.leafDepth();
            assertThat(nodeHashes).as("seed %d", seed).isLessThanOrEqualTo(PARTITIONS + 2L * differing * leafDepth);
            // Only the keys of differing leaves are listed: about KEYS / (PARTITIONS x LEAVES) each.
            assertThat(keyHashes).as("seed %d", seed).isLessThan(differing * 3L * KEYS / (PARTITIONS * LEAVES));
            assertConverged(left, right);
        }
    }

    @Test
    void should_merge_both_ways_so_concurrent_versions_survive_as_siblings_and_deletes_win()
            throws InterruptedException {
        StorageKey onlyOnA = a.key("only-on-a");
        StorageKey onlyOnB = a.key("only-on-b");
        StorageKey concurrent = a.key("concurrent");
        StorageKey deleted = a.key("deleted");
        a.write(onlyOnA, "a", 1L);
        b.write(onlyOnB, "b", 1L);
        a.write(concurrent, "from-a", 1L);
        b.write(concurrent, "from-b", 2L);
        b.merge(deleted, a.write(deleted, "old", 1L));
        a.delete(deleted, 5L);

        List<ExchangeResult> results = syncEveryPartition(unlimitedBudget());

        assertThat(results.stream().mapToLong(ExchangeResult::keysRepaired).sum())
                .isEqualTo(4);
        assertConverged(a, b);
        assertThat(b.store.read(concurrent).orElseThrow().liveVersions()).hasSize(2);
        assertThat(b.store.read(deleted).orElseThrow().isAbsent()).isTrue();
        assertThat(a.store.read(onlyOnB)).isPresent();
        assertThat(b.store.read(onlyOnA)).isPresent();
    }

    @Test
    void should_be_throttled_by_the_io_budget() throws InterruptedException {
        writeBaseDataSet();
        diverge(a, b, new SplittableRandom(7), 40);
        long bytesPerSecond = 4_000;
        IoBudget budget = new IoBudget(bytesPerSecond, clock, clock::advanceNanos);
        long start = clock.nanoTime();

        List<ExchangeResult> results = syncEveryPartition(budget);

        long bytes = results.stream().mapToLong(ExchangeResult::bytesExchanged).sum();
        double seconds = (clock.nanoTime() - start) / 1e9;
        double expected = (bytes - bytesPerSecond) / (double) bytesPerSecond;
        System.out.printf("%d bytes at %d B/s took %.2f s of (manual) time%n", bytes, bytesPerSecond, seconds);
        assertThat(bytes).isGreaterThan(5 * bytesPerSecond);
        assertThat(seconds).isBetween(expected * 0.99, expected * 1.01 + 0.01);
        assertConverged(a, b);
    }

    private List<ExchangeResult> syncEveryPartition(IoBudget budget) throws InterruptedException {
        List<ExchangeResult> results = new ArrayList<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            results.add(session(a, "b", peers, partition, budget).run());
        }
        return results;
    }

    private AntiEntropySession session(
            TestReplica local, String peer, FakePeers network, int partition, IoBudget budget) {
        return new AntiEntropySession(
                partition, peer, FakePeers.addressOf(peer), local.forest, local.store, network, budget, clock, 1_000);
    }

    private IoBudget unlimitedBudget() {
        return new IoBudget(Long.MAX_VALUE / 4, clock, clock::advanceNanos);
    }

    private void writeBaseDataSet() {
        writeBaseDataSet(a, b);
    }

    /** The same {@value #KEYS} keys on both replicas, written once and copied. */
    private void writeBaseDataSet(TestReplica left, TestReplica right) {
        keys.clear();
        for (int i = 0; i < KEYS; i++) {
            StorageKey key = left.key("key-" + i);
            keys.add(key);
            right.merge(key, left.write(key, "value-" + i, 1_000L));
        }
    }

    /** Makes exactly {@code count} distinct keys differ, in the three possible ways. */
    private void diverge(TestReplica left, TestReplica right, SplittableRandom random, int count) {
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            int index = random.nextInt(KEYS);
            if (!chosen.contains(index)) {
                chosen.add(index);
            }
        }
        for (int i = 0; i < count; i++) {
            StorageKey key = keys.get(chosen.get(i));
            switch (i % 4) {
                case 0 -> left.write(key, "newer-on-left", 2_000L);
                case 1 -> right.write(key, "newer-on-right", 2_000L);
                case 2 -> left.delete(key, 2_000L);
                default -> {
                    StorageKey fresh = left.key("fresh-" + i);
                    left.write(fresh, "only-on-left", 2_000L);
                }
            }
        }
    }

    private static void assertConverged(TestReplica left, TestReplica right) {
        for (int partition = 0; partition < PARTITIONS; partition++) {
            assertThat(left.forest.tree(partition).root())
                    .as("root of partition %d", partition)
                    .isEqualTo(right.forest.tree(partition).root());
            assertThat(LeafEntries.scan(left.engine, SHAPE, partition, allLeaves()))
                    .containsExactlyElementsOf(LeafEntries.scan(right.engine, SHAPE, partition, allLeaves()));
        }
    }

    private static int[] allLeaves() {
        int[] leaves = new int[LEAVES];
        for (int i = 0; i < LEAVES; i++) {
            leaves[i] = i;
        }
        return leaves;
    }
}
