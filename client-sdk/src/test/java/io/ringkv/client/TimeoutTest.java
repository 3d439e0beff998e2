package io.ringkv.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.client.error.RequestTimeoutException;
import io.ringkv.client.testing.FakeCluster;
import io.ringkv.client.testing.Responder;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.protocol.message.ReplicaError;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeoutTest {

    private final FakeCluster cluster = FakeCluster.start(3);

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void should_time_out_a_write_sent_to_a_silent_node_with_an_unknown_outcome() {
        cluster.nodes().forEach(node -> node.respondWith(Responder.SILENT));
        try (RingKvClient client =
                cluster.clientBuilder().timeoutMargin(Duration.ofMillis(50)).build()) {
            assertThatThrownBy(() -> client.blocking()
                            .put(
                                    "k",
                                    "v",
                                    CausalContext.NONE,
                                    WriteOptions.DEFAULT.withTimeout(Duration.ofMillis(200))))
                    .isInstanceOfSatisfying(RequestTimeoutException.class, timeout -> {
                        assertThat(timeout.clientSide()).isTrue();
                        assertThat(timeout.definitelyNotApplied()).isFalse();
                        assertThat(timeout.errorCode()).isEqualTo(ErrorCode.NONE);
                    });

            int sent = cluster.nodes().stream()
                    .mapToInt(node -> node.received(PutRequest.class).size())
                    .sum();
            assertThat(sent).as("a write is sent once").isEqualTo(1);
            PutRequest put = cluster.node(cluster.replicasOf("k").get(0))
                    .received(PutRequest.class)
                    .get(0);
            assertThat(put.timeoutMillis()).as("the node is told the budget").isBetween(150L, 200L);
        }
    }

    @Test
    void should_report_a_timed_out_read_as_definite() {
        cluster.nodes().forEach(node -> node.respondWith(Responder.SILENT));
        try (RingKvClient client =
                cluster.clientBuilder().timeoutMargin(Duration.ZERO).build()) {
            assertThatThrownBy(
                            () -> client.blocking().get("k", ReadOptions.DEFAULT.withTimeout(Duration.ofMillis(100))))
                    .isInstanceOfSatisfying(RequestTimeoutException.class, timeout -> {
                        assertThat(timeout.clientSide()).isTrue();
                        assertThat(timeout.definitelyNotApplied()).isTrue();
                    });
        }
    }

    @Test
    void should_report_the_acknowledgements_of_a_node_side_timeout() {
        ErrorReply quorumTimeout = new ErrorReply(
                ErrorCode.TIMEOUT,
                "1 of 2 acks",
                false,
                1,
                2,
                List.of(new ReplicaError("node-3", ErrorCode.TIMEOUT, "no answer")));
        cluster.nodes().forEach(node -> node.respondWith(Responder.always(quorumTimeout)));
        try (RingKvClient client = cluster.client()) {
            assertThatThrownBy(() -> client.blocking().put("k", "v", CausalContext.NONE))
                    .isInstanceOfSatisfying(RequestTimeoutException.class, timeout -> {
                        assertThat(timeout.clientSide()).isFalse();
                        assertThat(timeout.definitelyNotApplied()).isFalse();
                        assertThat(timeout.acksReceived()).isEqualTo(1);
                        assertThat(timeout.acksRequired()).isEqualTo(2);
                        assertThat(timeout.quorum().replicaFailures())
                                .extracting(failure -> failure.nodeId())
                                .containsExactly("node-3");
                    });
        }
    }
}
