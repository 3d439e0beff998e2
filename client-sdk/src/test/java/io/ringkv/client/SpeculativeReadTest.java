package io.ringkv.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.policy.ConstantSpeculativeReadPolicy;
import io.ringkv.client.testing.FakeCluster;
import io.ringkv.client.testing.FakeNode;
import io.ringkv.client.testing.Responder;
import io.ringkv.protocol.message.GetRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpeculativeReadTest {

    private static final String KEY = "slow-key";

    private final FakeCluster cluster = FakeCluster.start(3);
    private final List<String> replicas = cluster.replicasOf(KEY);
    private final FakeNode slow = cluster.node(replicas.get(0));
    private final FakeNode fast = cluster.node(replicas.get(1));

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void should_take_the_answer_of_a_second_replica_when_the_first_is_slow() {
        try (RingKvClient client = cluster.clientBuilder()
                .speculativeReadPolicy(new ConstantSpeculativeReadPolicy(Duration.ofMillis(50), 1))
                .build()) {
            client.blocking().put(KEY, "v", CausalContext.NONE);
            slow.respondWith(Responder.delayed(1_500));

            GetResult read = client.blocking().get(KEY);

            assertThat(read.coordinator()).isEqualTo(fast.nodeId());
            assertThat(read.valueAsString()).isEqualTo("v");
            assertThat(slow.received(GetRequest.class)).hasSize(1);
            assertThat(fast.received(GetRequest.class)).hasSize(1);
            assertThat(cluster.node(replicas.get(2)).received(GetRequest.class))
                    .as("one extra request at most")
                    .isEmpty();
            assertThat(client.core().pools().get(slow.nodeId()).inFlight())
                    .as("the losing request released its slot")
                    .isZero();
        }
    }

    @Test
    void should_not_speculate_by_default() {
        try (RingKvClient client = cluster.client()) {
            slow.respondWith(Responder.delayed(300));

            GetResult read = client.blocking().get(KEY);

            assertThat(read.coordinator()).isEqualTo(slow.nodeId());
            assertThat(fast.received()).isEmpty();
        }
    }

    @Test
    void should_never_send_a_write_speculatively() {
        try (RingKvClient client = cluster.clientBuilder()
                .speculativeReadPolicy(new ConstantSpeculativeReadPolicy(Duration.ofMillis(10), 2))
                .build()) {
            slow.respondWith(Responder.delayed(300));

            PutResult put = client.blocking().put(KEY, "v", CausalContext.NONE);

            assertThat(put.coordinator()).isEqualTo(slow.nodeId());
            assertThat(fast.received()).isEmpty();
        }
    }
}
