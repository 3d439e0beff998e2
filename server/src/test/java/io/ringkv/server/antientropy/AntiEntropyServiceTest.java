package io.ringkv.server.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.NodeState;
import io.ringkv.ring.Partitioner;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.time.ManualClock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AntiEntropyServiceTest {

    private static final MerkleTreeShape SHAPE = new MerkleTreeShape(4, 16);

    private final ManualClock clock = new ManualClock(0, 50_000);
    private final TestReplica a = new TestReplica("a", SHAPE);
    private final TestReplica b = new TestReplica("b", SHAPE);
    private final TestReplica c = new TestReplica("c", SHAPE);
    private final FakePeers peers = new FakePeers().add(a).add(b).add(c);
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AntiEntropyService service = new AntiEntropyService(
            "a",
            new AntiEntropyConfig(0, Long.MAX_VALUE / 4, 1_000, 1_000),
            AntiEntropyServiceTest::ring,
            node -> !down.contains(node),
            node -> Optional.of(FakePeers.addressOf(node)),
            a.forest,
            a.store,
            peers,
            new IoBudget(Long.MAX_VALUE / 4, clock, clock::advanceNanos),
            clock,
            scheduler,
            a.counters);

    @AfterEach
    void stop() {
        service.close();
        scheduler.shutdown();
    }

    @Test
    void should_repair_every_partition_against_every_co_replica_and_record_the_exchanges()
            throws ExecutionException, InterruptedException {
        StorageKey onB = a.key("on-b");
        StorageKey onC = a.key("on-c");
        b.write(onB, "b", 1L);
        c.write(onC, "c", 1L);

        PassResult result = service.runNow().get();

        assertThat(result.sessions()).isEqualTo(4 * 2);
        assertThat(result.failedSessions()).isZero();
        // b had one key a lacked; c lacked that one and had one more.
        assertThat(result.keysRepaired()).isEqualTo(3);
        assertThat(a.store.read(onB)).isPresent();
        assertThat(a.store.read(onC)).isPresent();
        // a passes on what it learned from one peer to the other; a peer synced before a learned a key
        // gets it in the next pass.
        service.runNow().get();
        assertThat(c.store.read(onB)).isPresent();
        assertThat(b.store.read(onC)).isPresent();
        for (int partition = 0; partition < 4; partition++) {
            assertThat(service.lastCompletedExchange(partition, "b")).hasValue(50_000);
            assertThat(service.lastCompletedExchange(partition, "c")).hasValue(50_000);
            assertThat(service.exchangedWithEveryCoReplicaAfter(partition, 49_999))
                    .isTrue();
            assertThat(service.exchangedWithEveryCoReplicaAfter(partition, 50_000))
                    .isFalse();
        }
        Map<String, Long> counters = service.counters().snapshot();
        // Two passes: three keys repaired in the first, the one a learned too late for b in the second.
        assertThat(counters)
                .containsEntry("anti_entropy_sessions", 16L)
                .containsEntry("anti_entropy_keys_repaired", 4L);
    }

    @Test
    void should_skip_a_co_replica_that_is_down_and_then_not_count_it_as_exchanged()
            throws ExecutionException, InterruptedException {
        down.add("c");

        PassResult result = service.runNow().get();

        assertThat(result.sessions()).isEqualTo(4);
        assertThat(result.skippedPeers()).isEqualTo(4);
        assertThat(service.lastCompletedExchange(0, "c")).isEmpty();
        assertThat(service.exchangedWithEveryCoReplicaAfter(0, 0)).isFalse();
    }

    @Test
    void should_purge_a_tombstone_only_after_exchanges_with_every_co_replica()
            throws ExecutionException, InterruptedException {
        StorageKey key = a.key("deleted");
        a.write(key, "value", 10_000L);
        a.delete(key, 10_000L);
        b.merge(key, a.store.read(key).orElseThrow());
        c.merge(key, a.store.read(key).orElseThrow());

        assertThat(service.purgeNow().get()).isZero();
        service.runNow().get();
        assertThat(service.purgeNow().get()).isEqualTo(1);
        assertThat(a.store.read(key)).isEmpty();
    }

    private static RingSnapshot ring() {
        Map<String, NodeInfo> nodes = Map.of(
                "a", new NodeInfo("a", "127.0.0.1", 7001, 8001, "", NodeState.NORMAL, true),
                "b", new NodeInfo("b", "127.0.0.1", 7002, 8002, "", NodeState.NORMAL, true),
                "c", new NodeInfo("c", "127.0.0.1", 7003, 8003, "", NodeState.NORMAL, true));
        return RingSnapshot.of(1, new Partitioner(4), 3, new String[] {"a", "b", "c", "a"}, nodes);
    }
}
