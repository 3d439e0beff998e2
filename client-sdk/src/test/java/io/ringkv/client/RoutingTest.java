package io.ringkv.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.testing.FakeCluster;
import io.ringkv.client.testing.FakeNode;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.PutRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoutingTest {

    private final FakeCluster cluster = FakeCluster.start(5);

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void should_send_every_request_to_the_first_replica_of_its_key() {
        try (RingKvClient client = cluster.client()) {
            for (int i = 0; i < 300; i++) {
                String key = "key-" + i;
                PutResult put = client.blocking().put(key, "value-" + i, CausalContext.NONE);
                GetResult get = client.blocking().get(key);

                List<String> replicas = cluster.replicasOf(key);
                assertThat(put.coordinator()).as("coordinator of put %s", key).isEqualTo(replicas.get(0));
                assertThat(get.coordinator()).as("coordinator of get %s", key).isEqualTo(replicas.get(0));
                assertThat(get.valueAsString()).isEqualTo("value-" + i);
            }
        }

        int total = 0;
        for (FakeNode node : cluster.nodes()) {
            for (PutRequest put : node.received(PutRequest.class)) {
                assertThat(cluster.ring().preferenceListForKey(put.key())).contains(node.nodeId());
                total++;
            }
            for (GetRequest get : node.received(GetRequest.class)) {
                assertThat(cluster.ring().preferenceListForKey(get.key())).contains(node.nodeId());
                total++;
            }
        }
        assertThat(total).isEqualTo(600);
        assertThat(cluster.nodes())
                .allSatisfy(node -> assertThat(node.received()).isNotEmpty());
    }

    @Test
    void should_compute_the_same_preference_lists_as_the_ring() {
        try (RingKvClient client = cluster.client()) {
            for (int i = 0; i < 100; i++) {
                byte[] key = ("k" + i).getBytes(StandardCharsets.UTF_8);
                assertThat(client.replicasOf(key)).isEqualTo(cluster.ring().preferenceListForKey(key));
            }
            assertThat(client.ringVersion()).isEqualTo(cluster.ringVersion());
        }
    }

    @Test
    void should_route_around_a_node_the_ring_reports_dead() {
        cluster.setAlive("node-2", false);
        try (RingKvClient client = cluster.client()) {
            for (int i = 0; i < 100; i++) {
                client.blocking().put("key-" + i, "v", CausalContext.NONE);
            }
        }
        assertThat(cluster.node("node-2").received()).isEmpty();
    }

    @Test
    void should_carry_request_parameters_to_the_node() {
        try (RingKvClient client = cluster.client()) {
            client.blocking()
                    .put(
                            "k",
                            "v",
                            CausalContext.NONE,
                            WriteOptions.DEFAULT.withW(3).withConsistency(Consistency.STRICT));
            client.blocking().get("k", ReadOptions.DEFAULT.withR(1).withConsistency(Consistency.LINEARIZABLE));
        }
        FakeNode coordinator = cluster.node(cluster.replicasOf("k").get(0));
        PutRequest put = coordinator.received(PutRequest.class).get(0);
        GetRequest get = coordinator.received(GetRequest.class).get(0);
        assertThat(put.w()).isEqualTo(3);
        assertThat(put.consistency()).isEqualTo(io.ringkv.protocol.Consistency.STRICT);
        assertThat(put.context()).isEmpty();
        assertThat(put.timeoutMillis()).isBetween(1L, 2_000L);
        assertThat(get.r()).isEqualTo(1);
        assertThat(get.consistency()).isEqualTo(io.ringkv.protocol.Consistency.LINEARIZABLE);
    }
}
