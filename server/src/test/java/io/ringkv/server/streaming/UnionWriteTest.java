package io.ringkv.server.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.causal.ActorId;
import io.ringkv.causal.SiblingSet;
import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.cluster.PendingTransition;
import io.ringkv.server.coordinator.ClusterView;
import io.ringkv.server.coordinator.CoordinatorConfig;
import io.ringkv.server.coordinator.CoordinatorMetrics;
import io.ringkv.server.coordinator.DefaultKeyValueService;
import io.ringkv.server.coordinator.ReadOptions;
import io.ringkv.server.coordinator.ReadResult;
import io.ringkv.server.coordinator.ReplicaGateway;
import io.ringkv.server.coordinator.ReplicaUnreachableException;
import io.ringkv.server.coordinator.RequestForwarder;
import io.ringkv.server.coordinator.WriteOptions;
import io.ringkv.server.coordinator.WriteResult;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Writes during a pending transition go to the union of both preference lists; only current replicas count. */
class UnionWriteTest {

    private final PendingTransition join =
            TestRings.transition(4, "n4", TestRings.grown(64, 3, 3).withPendingJoin("n4"));
    private final int partition = firstPartitionGainedBy("n4");
    private final List<String> current = join.current().preferenceList(partition);
    private final String self = current.get(0);
    private final byte[] key = keyOf(partition);

    @Test
    void should_also_write_to_the_node_taking_the_partition_over() {
        CapturingGateway gateway = new CapturingGateway(Set.of());

        WriteResult result = service(gateway, join.current(), join.next())
                .put(key, value(), new byte[0], options(3))
                .toCompletableFuture()
                .join();

        assertThat(result.coordinator()).isEqualTo(self);
        assertThat(gateway.written).containsExactlyInAnyOrder(current.get(1), current.get(2), "n4");
    }

    @Test
    void should_not_count_the_pending_replicas_acknowledgement_toward_the_quorum() {
        CapturingGateway gateway = new CapturingGateway(Set.of(current.get(1), current.get(2)));

        CompletableFuture<WriteResult> put = service(gateway, join.current(), join.next())
                .put(key, value(), new byte[0], options(2))
                .toCompletableFuture();

        assertThat(gateway.written).contains("n4");
        assertThat(put).isCompletedExceptionally();
    }

    @Test
    void should_ignore_a_pending_ring_of_another_version() {
        CapturingGateway gateway = new CapturingGateway(Set.of());
        RingSnapshot newer =
                TestRings.snapshot(join.current().version() + 1, join.layout().next());

        service(gateway, join.current(), newer)
                .put(key, value(), new byte[0], options(2))
                .toCompletableFuture()
                .join();

        assertThat(gateway.written).doesNotContain("n4");
    }

    private DefaultKeyValueService service(ReplicaGateway gateway, RingSnapshot ring, RingSnapshot pending) {
        ClusterView cluster = new ClusterView() {
            @Override
            public RingSnapshot ring() {
                return ring;
            }

            @Override
            public RingSnapshot pendingRing() {
                return pending;
            }

            @Override
            public boolean isAlive(String nodeId) {
                return true;
            }
        };
        return new DefaultKeyValueService(
                new CoordinatorConfig(self, 2, 2, 1_000, 500, 8192, 25, 100, 1 << 20, 4 << 20),
                new ActorId(self, 1),
                cluster,
                gateway,
                new UnusedForwarder(),
                (task, delay, unit) -> {},
                new ManualClock(),
                CoordinatorMetrics.NONE);
    }

    private static WriteOptions options(int writeQuorum) {
        return new WriteOptions(writeQuorum, Consistency.DEFAULT, 1_000, false);
    }

    private int firstPartitionGainedBy(String nodeId) {
        for (int p = 0; p < join.current().partitionCount(); p++) {
            if (join.next().preferenceList(p).contains(nodeId)
                    && !join.current().preferenceList(p).contains(nodeId)) {
                return p;
            }
        }
        throw new AssertionError(nodeId + " gains nothing");
    }

    private byte[] keyOf(int wanted) {
        for (int i = 0; ; i++) {
            byte[] candidate = ("key-" + i).getBytes(StandardCharsets.UTF_8);
            if (join.current().partitioner().partitionForKey(candidate) == wanted) {
                return candidate;
            }
        }
    }

    private static byte[] value() {
        return "v".getBytes(StandardCharsets.UTF_8);
    }

    /** Acknowledges every replica write except those to {@code failing} nodes, and records the targets. */
    private static final class CapturingGateway implements ReplicaGateway {
        private final Set<String> failing;
        final List<String> written = new CopyOnWriteArrayList<>();

        CapturingGateway(Set<String> failing) {
            this.failing = failing;
        }

        @Override
        public CompletionStage<Optional<SiblingSet>> read(String nodeId, StorageKey key, long timeoutMillis) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<SiblingSet> write(String nodeId, StorageKey key, SiblingSet set, long timeoutMillis) {
            written.add(nodeId);
            return failing.contains(nodeId)
                    ? CompletableFuture.failedFuture(
                            new ReplicaUnreachableException(nodeId, ErrorCode.UNAVAILABLE, "down"))
                    : CompletableFuture.completedFuture(set);
        }

        @Override
        public CompletionStage<Void> writeHint(
                String standIn, String intendedOwner, StorageKey key, SiblingSet set, long timeoutMillis) {
            return CompletableFuture.failedFuture(new AssertionError("no stand-in expected"));
        }

        @Override
        public CompletionStage<SiblingSet> updateLocal(StorageKey key, UnaryOperator<SiblingSet> update) {
            return CompletableFuture.completedFuture(update.apply(SiblingSet.EMPTY));
        }
    }

    /** Every key of these tests is coordinated locally. */
    private static final class UnusedForwarder implements RequestForwarder {
        @Override
        public CompletionStage<ReadResult> get(String nodeId, byte[] key, ReadOptions options) {
            throw new AssertionError("not forwarded");
        }

        @Override
        public CompletionStage<WriteResult> put(
                String nodeId, byte[] key, byte[] value, byte[] context, WriteOptions options) {
            throw new AssertionError("not forwarded");
        }

        @Override
        public CompletionStage<WriteResult> delete(String nodeId, byte[] key, byte[] context, WriteOptions options) {
            throw new AssertionError("not forwarded");
        }
    }
}
