package io.ringkv.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.client.CausalContext;
import io.ringkv.client.GetResult;
import io.ringkv.client.RingKvClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedRingKvClusterIT {

    @Test
    void should_serve_reads_and_writes_through_a_client_and_clean_up_on_close() {
        Path dataRoot;
        try (EmbeddedRingKvCluster cluster = EmbeddedRingKvCluster.builder()
                .nodes(3)
                .replicationFactor(3)
                .partitionCount(32)
                .start()) {
            RingKvClient client = cluster.newClient();
            client.blocking().put("greeting", "hello", CausalContext.NONE);

            GetResult read = client.blocking().get("greeting");

            assertThat(read.valueAsString()).isEqualTo("hello");
            assertThat(cluster.seeds()).hasSize(3).allMatch(seed -> seed.startsWith("127.0.0.1:"));
            assertThat(cluster.ring().partitionCount()).isEqualTo(32);
            assertThat(cluster.ring().replicationFactor()).isEqualTo(3);
            assertThat(cluster.nodeId(0)).isEqualTo("n1");
            dataRoot = cluster.dataDirectory();
            assertThat(dataRoot.resolve("n1")).isDirectory();
        }
        assertThat(Files.exists(dataRoot)).isFalse();
    }

    @Test
    void should_bring_a_stopped_node_back_on_the_same_address_and_join_a_new_one() {
        try (EmbeddedRingKvCluster cluster =
                EmbeddedRingKvCluster.builder().nodes(2).replicationFactor(2).start()) {
            String secondAddress = cluster.seeds().get(1);
            long firstVersion = cluster.ring().version();

            cluster.stop(1);
            cluster.awaitRingAgreement();

            assertThat(cluster.isRunning(1)).isFalse();
            assertThat(cluster.seeds()).hasSize(1);
            assertThat(cluster.node(0).topology().isAlive("n2")).isFalse();
            assertThatThrownBy(() -> cluster.node(1)).isInstanceOf(IllegalStateException.class);

            cluster.restart(1);

            assertThat(cluster.seeds()).containsExactly(cluster.seeds().get(0), secondAddress);
            assertThat(cluster.node(0).topology().isAlive("n2")).isTrue();

            int added = cluster.addNode();

            assertThat(added).isEqualTo(2);
            assertThat(cluster.nodeId(added)).isEqualTo("n3");
            assertThat(cluster.ring().version()).isGreaterThan(firstVersion);
            assertThat(cluster.ring().ownedCount("n3")).isPositive();
            assertThat(cluster.indexOf("n3")).isEqualTo(2);
        }
    }
}
