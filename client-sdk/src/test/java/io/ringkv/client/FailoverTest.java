package io.ringkv.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ringkv.client.error.ConnectionLostException;
import io.ringkv.client.error.RingKvException;
import io.ringkv.client.error.UnavailableException;
import io.ringkv.client.testing.FakeCluster;
import io.ringkv.client.testing.FakeNode;
import io.ringkv.client.testing.Responder;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.PutRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailoverTest {

    private static final String KEY = "failover-key";

    private final FakeCluster cluster = FakeCluster.start(3);
    private final List<String> replicas = cluster.replicasOf(KEY);
    private final FakeNode first = cluster.node(replicas.get(0));
    private final FakeNode second = cluster.node(replicas.get(1));

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void should_read_from_the_next_replica_when_the_connection_breaks_without_surfacing_an_error() {
        try (RingKvClient client = cluster.client()) {
            client.blocking().put(KEY, "v1", CausalContext.NONE);
            first.respondWith(Responder.CLOSE_CONNECTION);

            GetResult read = client.blocking().get(KEY);

            assertThat(read.valueAsString()).isEqualTo("v1");
            assertThat(read.coordinator()).isEqualTo(second.nodeId());
            assertThat(first.received(GetRequest.class)).hasSize(1);
        }
    }

    @Test
    void should_report_an_unknown_outcome_when_the_connection_breaks_after_a_write_was_sent() {
        try (RingKvClient client = cluster.client()) {
            first.respondWith(Responder.CLOSE_CONNECTION);

            assertThatThrownBy(() -> client.blocking().put(KEY, "v", CausalContext.NONE))
                    .isInstanceOfSatisfying(ConnectionLostException.class, lost -> {
                        assertThat(lost.definitelyNotApplied()).isFalse();
                        assertThat(lost.outcomeUnknown()).isTrue();
                        assertThat(lost.nodeId()).contains(first.nodeId());
                    });
            assertThat(first.received(PutRequest.class)).hasSize(1);
            assertThat(second.received(PutRequest.class)).as("never sent twice").isEmpty();
            assertThat(cluster.node(replicas.get(2)).received(PutRequest.class)).isEmpty();
        }
    }

    @Test
    void should_write_to_the_next_replica_when_the_first_definitely_rejected_it() {
        try (RingKvClient client = cluster.client()) {
            first.respondWith(Responder.always(ErrorReply.of(ErrorCode.SHUTTING_DOWN, "stopping", true)));

            PutResult put = client.blocking().put(KEY, "v", CausalContext.NONE);

            assertThat(put.coordinator()).isEqualTo(second.nodeId());
            assertThat(first.received(PutRequest.class)).hasSize(1);
            assertThat(cluster.store().siblings(KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .hasSize(1);
        }
    }

    @Test
    void should_surface_an_unavailable_write_that_may_have_been_applied_without_trying_elsewhere() {
        try (RingKvClient client = cluster.client()) {
            first.respondWith(Responder.always(
                    new ErrorReply(ErrorCode.UNAVAILABLE, "only one replica acknowledged", false, 1, 2, List.of())));

            assertThatThrownBy(() -> client.blocking().put(KEY, "v", CausalContext.NONE))
                    .isInstanceOfSatisfying(UnavailableException.class, unavailable -> {
                        assertThat(unavailable.definitelyNotApplied()).isFalse();
                        assertThat(unavailable.acksReceived()).isEqualTo(1);
                        assertThat(unavailable.acksRequired()).isEqualTo(2);
                    });
            assertThat(second.received()).isEmpty();
        }
    }

    @Test
    void should_fail_definitely_when_every_replica_definitely_rejects_the_write() {
        ErrorReply unavailable = new ErrorReply(ErrorCode.UNAVAILABLE, "strict quorum", true, 0, 2, List.of());
        for (FakeNode node : cluster.nodes()) {
            node.respondWith(Responder.always(unavailable));
        }
        try (RingKvClient client = cluster.client()) {
            assertThatThrownBy(() -> client.blocking()
                            .put(
                                    KEY,
                                    "v",
                                    CausalContext.NONE,
                                    WriteOptions.DEFAULT.withConsistency(Consistency.STRICT)))
                    .isInstanceOf(UnavailableException.class)
                    .matches(error -> ((RingKvException) error).definitelyNotApplied());
        }
        for (String replica : replicas) {
            assertThat(cluster.node(replica).received(PutRequest.class)).hasSize(1);
        }
    }

    @Test
    void should_write_to_the_next_replica_when_the_first_is_down_since_nothing_was_sent() {
        try (RingKvClient client = cluster.client()) {
            first.stop();
            awaitUnreachable(client, first);

            PutResult put = client.blocking().put(KEY, "v", CausalContext.NONE);

            assertThat(put.coordinator()).isIn(replicas.subList(1, 3));
        }
    }

    @Test
    void should_move_a_write_on_when_its_first_node_has_no_open_connection_since_nothing_was_sent() {
        try (RingKvClient client = cluster.clientBuilder()
                .reconnectionPolicy(attempt -> Duration.ofSeconds(30).toNanos())
                .build()) {
            await().until(() -> client.core().pools().get(first.nodeId()).openConnections() == 2);
            first.stop();
            // The connections are gone but no reconnection has failed yet: the node still comes first.
            await().until(() -> client.core().pools().get(first.nodeId()).openConnections() == 0);
            assertThat(client.core().health().isReachable(first.nodeId())).isTrue();

            PutResult put = client.blocking().put(KEY, "v", CausalContext.NONE);

            assertThat(put.coordinator()).isEqualTo(second.nodeId());
            assertThat(first.received()).isEmpty();
        }
    }

    @Test
    void should_fail_over_on_overloaded_and_prefer_healthy_nodes_afterwards() {
        try (RingKvClient client = cluster.client()) {
            first.respondWith(Responder.always(ErrorReply.of(ErrorCode.OVERLOADED, "shedding", true)));

            GetResult read = client.blocking().get(KEY);

            assertThat(read.found()).isFalse();
            assertThat(read.coordinator()).isEqualTo(second.nodeId());
        }
    }

    @Test
    void should_try_another_replica_and_refresh_the_ring_on_not_replica() {
        try (RingKvClient client = cluster.client()) {
            int snapshotRequestsBefore = totalSnapshotRequests();
            first.respondWith(Responder.always(ErrorReply.of(ErrorCode.NOT_REPLICA, "not mine", true)));

            PutResult put = client.blocking().put(KEY, "v", CausalContext.NONE);

            assertThat(put.coordinator()).isEqualTo(second.nodeId());
            await().atMost(Duration.ofSeconds(3))
                    .untilAsserted(() -> assertThat(totalSnapshotRequests()).isGreaterThan(snapshotRequestsBefore));
        }
    }

    @Test
    void should_reconnect_to_a_node_after_it_comes_back() {
        try (RingKvClient client = cluster.clientBuilder()
                .reconnectionPolicy(attempt -> Duration.ofMillis(50).toNanos())
                .build()) {
            first.stop();
            awaitUnreachable(client, first);
            assertThat(client.blocking().put(KEY, "v", CausalContext.NONE).coordinator())
                    .isNotEqualTo(first.nodeId());
            first.start();

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                first.clearReceived();
                assertThat(client.blocking().get(KEY).coordinator()).isEqualTo(first.nodeId());
            });
        }
    }

    /** Waits until the client noticed the node is gone (its reconnection attempt failed). */
    private static void awaitUnreachable(RingKvClient client, FakeNode node) {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !client.core().health().isReachable(node.nodeId()));
    }

    private int totalSnapshotRequests() {
        return cluster.nodes().stream().mapToInt(FakeNode::snapshotRequests).sum();
    }
}
