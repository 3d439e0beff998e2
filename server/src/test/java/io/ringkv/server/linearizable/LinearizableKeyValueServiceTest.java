package io.ringkv.server.linearizable;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.causal.ActorId;
import io.ringkv.causal.SiblingSet;
import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.ClientSibling;
import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.NodeState;
import io.ringkv.ring.Partitioner;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.coordinator.CoordinatorConfig;
import io.ringkv.server.coordinator.CoordinatorMetrics;
import io.ringkv.server.coordinator.DefaultKeyValueService;
import io.ringkv.server.coordinator.KeyValueService;
import io.ringkv.server.coordinator.ReadOptions;
import io.ringkv.server.coordinator.ReadResult;
import io.ringkv.server.coordinator.ReplicaGateway;
import io.ringkv.server.coordinator.RequestFailedException;
import io.ringkv.server.coordinator.RequestForwarder;
import io.ringkv.server.coordinator.WriteOptions;
import io.ringkv.server.coordinator.WriteResult;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LinearizableKeyValueServiceTest {

    private static final List<String> NODES = List.of("n1", "n2", "n3");
    private static final CoordinatorConfig CONFIG = CoordinatorConfig.defaults("n1");
    private static final WriteOptions LINEARIZABLE_WRITE = new WriteOptions(0, Consistency.LINEARIZABLE, 0);
    private static final ReadOptions LINEARIZABLE_READ = new ReadOptions(0, Consistency.LINEARIZABLE, 0);

    /** The nodes of a ring where n4 took n3's place. */
    private static final List<String> NEXT_NODES = List.of("n1", "n2", "n4");

    private final FakeRegisterReplicas replicas = new FakeRegisterReplicas(List.of("n1", "n2", "n3", "n4"));
    private final ManualTimeoutScheduler timeouts = new ManualTimeoutScheduler();
    private final LinearizableKeyValueService service = service(new FakeClusterView(ring()));

    @Test
    void should_answer_a_read_with_the_single_written_value_and_empty_contexts() {
        WriteResult written = join(service.put(bytes("k"), bytes("v1"), bytes("ignored"), LINEARIZABLE_WRITE));
        ReadResult read = join(service.get(bytes("k"), LINEARIZABLE_READ));

        assertThat(written.context()).isEmpty();
        assertThat(written.coordinator()).isEqualTo("n1");
        assertThat(read.found()).isTrue();
        assertThat(read.siblings()).containsExactly(new ClientSibling(bytes("v1"), 0));
        assertThat(read.context()).isEmpty();
        assertThat(read.coordinator()).isEqualTo("n1");
    }

    @Test
    void should_find_nothing_after_a_delete() {
        join(service.put(bytes("k"), bytes("v1"), new byte[0], LINEARIZABLE_WRITE));
        join(service.delete(bytes("k"), new byte[0], LINEARIZABLE_WRITE));

        ReadResult read = join(service.get(bytes("k"), LINEARIZABLE_READ));

        assertThat(read.found()).isFalse();
        assertThat(read.siblings()).isEmpty();
        NODES.forEach(node -> assertThat(replicas.registerOf(node).tombstone()).isTrue());
    }

    @Test
    void should_ignore_R_and_W_and_always_use_a_majority_of_the_preference_list() {
        replicas.onWrite("n3", FakeRegisterReplicas.Behaviour.NEVER);

        join(service.put(bytes("k"), bytes("v"), new byte[0], new WriteOptions(3, Consistency.LINEARIZABLE, 0)));
        ReadResult read = join(service.get(bytes("k"), new ReadOptions(1, Consistency.LINEARIZABLE, 0)));

        assertThat(read.siblings()).extracting(ClientSibling::value).containsExactly(bytes("v"));
        assertThat(replicas.queriesSent()).containsOnly("n1", "n2", "n3");
    }

    @Test
    void should_reject_bad_requests_definitely_before_sending_anything() {
        byte[] tooLarge = new byte[(int) CONFIG.objectMaxBytes() + 1];

        assertThat(failure(service.put(bytes("k"), tooLarge, new byte[0], LINEARIZABLE_WRITE))
                        .code())
                .isEqualTo(ErrorCode.VALUE_TOO_LARGE);
        assertThat(failure(service.get(new byte[0], LINEARIZABLE_READ)).code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(failure(service.get(new byte[CONFIG.maxKeyBytes() + 1], LINEARIZABLE_READ))
                        .code())
                .isEqualTo(ErrorCode.KEY_TOO_LARGE);
        RequestFailedException noRing =
                failure(service(new FakeClusterView(null)).get(bytes("k"), LINEARIZABLE_READ));
        assertThat(noRing.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(noRing.definite()).isTrue();
        assertThat(replicas.queriesSent()).isEmpty();
    }

    @Test
    void should_route_linearizable_requests_of_the_node_service_to_the_linearizable_mode() {
        KeyValueService node = nodeService(service);

        join(node.put(bytes("k"), bytes("through the node"), new byte[0], LINEARIZABLE_WRITE));
        ReadResult read = join(node.get(bytes("k"), LINEARIZABLE_READ));
        join(node.delete(bytes("k"), new byte[0], LINEARIZABLE_WRITE));

        assertThat(read.siblings()).extracting(ClientSibling::value).containsExactly(bytes("through the node"));
        assertThat(join(node.get(bytes("k"), LINEARIZABLE_READ)).found()).isFalse();
    }

    @Test
    void should_refuse_linearizable_requests_where_the_mode_is_not_wired() {
        KeyValueService unwired = new DefaultKeyValueService(
                CONFIG,
                new ActorId("n1", 1),
                new FakeClusterView(ring()),
                new UnusedReplicaGateway(),
                new UnusedForwarder(),
                timeouts,
                new ManualClock(),
                CoordinatorMetrics.NONE);

        RequestFailedException refused = failure(unwired.get(bytes("k"), LINEARIZABLE_READ));

        assertThat(refused.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(refused.getMessage()).isEqualTo("linearizable mode not wired");
    }

    @Test
    void should_add_the_next_preference_list_while_a_transition_of_the_same_ring_version_is_pending() {
        LinearizableKeyValueService transitioning =
                service(new FakeClusterView(ring()).withPendingRing(ring(1, NEXT_NODES)));

        RegisterRequest request = transitioning.resolve(bytes("k"), 0);

        assertThat(request.replicas()).containsExactlyInAnyOrderElementsOf(NODES);
        assertThat(request.pendingReplicas()).containsExactlyInAnyOrderElementsOf(NEXT_NODES);
    }

    @Test
    void should_ignore_a_pending_ring_of_another_version() {
        LinearizableKeyValueService stale = service(new FakeClusterView(ring()).withPendingRing(ring(2, NEXT_NODES)));

        assertThat(stale.resolve(bytes("k"), 0).pendingReplicas()).isEmpty();
        assertThat(service(new FakeClusterView(ring())).resolve(bytes("k"), 0).pendingReplicas())
                .isEmpty();
    }

    @Test
    void should_ignore_a_pending_ring_that_keeps_the_same_replicas_in_another_order() {
        List<String> reordered = List.of("n3", "n2", "n1");
        LinearizableKeyValueService unchanged =
                service(new FakeClusterView(ring()).withPendingRing(ring(1, reordered)));

        assertThat(unchanged.resolve(bytes("k"), 0).pendingReplicas()).isEmpty();
    }

    @Test
    void should_store_a_write_made_during_a_transition_on_the_gaining_node_too() {
        replicas.onWrite("n3", FakeRegisterReplicas.Behaviour.NEVER);
        LinearizableKeyValueService transitioning =
                service(new FakeClusterView(ring()).withPendingRing(ring(1, NEXT_NODES)));

        join(transitioning.put(bytes("k"), bytes("v"), new byte[0], LINEARIZABLE_WRITE));

        assertThat(replicas.queriesSent()).containsExactlyInAnyOrder("n1", "n2", "n3", "n4");
        assertThat(replicas.registerOf("n4").value()).isEqualTo(bytes("v"));
    }

    private LinearizableKeyValueService service(FakeClusterView cluster) {
        return new LinearizableKeyValueService(CONFIG, "n1/1", cluster, replicas, timeouts);
    }

    private KeyValueService nodeService(KeyValueService linearizable) {
        return new DefaultKeyValueService(
                CONFIG,
                new ActorId("n1", 1),
                new FakeClusterView(ring()),
                new UnusedReplicaGateway(),
                new UnusedForwarder(),
                timeouts,
                new ManualClock(),
                CoordinatorMetrics.NONE,
                linearizable);
    }

    private static RingSnapshot ring() {
        return ring(1, NODES);
    }

    /** Partitions owned by {@code owners} in turn, three replicas each: every list holds all of them. */
    private static RingSnapshot ring(long version, List<String> owners) {
        Map<String, NodeInfo> nodes = new LinkedHashMap<>();
        owners.forEach(node -> nodes.put(node, new NodeInfo(node, "127.0.0.1", 1, 2, "", NodeState.NORMAL, true)));
        String[] owned = new String[8];
        for (int partition = 0; partition < owned.length; partition++) {
            owned[partition] = owners.get(partition % owners.size());
        }
        return RingSnapshot.of(version, new Partitioner(owned.length), 3, owned, nodes);
    }

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private static RequestFailedException failure(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().join();
        } catch (CompletionException failed) {
            assertThat(failed.getCause()).isInstanceOf(RequestFailedException.class);
            return (RequestFailedException) failed.getCause();
        }
        throw new AssertionError("expected the request to fail");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The sibling-set replicas: a linearizable request must never touch them. */
    private static final class UnusedReplicaGateway implements ReplicaGateway {
        @Override
        public CompletionStage<Optional<SiblingSet>> read(String nodeId, StorageKey key, long timeoutMillis) {
            throw new AssertionError("a linearizable request read a sibling set");
        }

        @Override
        public CompletionStage<SiblingSet> write(String nodeId, StorageKey key, SiblingSet set, long timeoutMillis) {
            throw new AssertionError("a linearizable request wrote a sibling set");
        }

        @Override
        public CompletionStage<Void> writeHint(
                String standIn, String intendedOwner, StorageKey key, SiblingSet set, long timeoutMillis) {
            throw new AssertionError("a linearizable request wrote a hint");
        }

        @Override
        public CompletionStage<SiblingSet> updateLocal(StorageKey key, UnaryOperator<SiblingSet> update) {
            throw new AssertionError("a linearizable request updated a sibling set");
        }
    }

    /** Forwarding: a linearizable request is coordinated wherever it arrives. */
    private static final class UnusedForwarder implements RequestForwarder {
        @Override
        public CompletionStage<ReadResult> get(String nodeId, byte[] key, ReadOptions options) {
            return CompletableFuture.failedFuture(new AssertionError("forwarded a linearizable read"));
        }

        @Override
        public CompletionStage<WriteResult> put(
                String nodeId, byte[] key, byte[] value, byte[] context, WriteOptions options) {
            return CompletableFuture.failedFuture(new AssertionError("forwarded a linearizable write"));
        }

        @Override
        public CompletionStage<WriteResult> delete(String nodeId, byte[] key, byte[] context, WriteOptions options) {
            return CompletableFuture.failedFuture(new AssertionError("forwarded a linearizable delete"));
        }
    }
}
