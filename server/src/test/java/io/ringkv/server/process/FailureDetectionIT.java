package io.ringkv.server.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.Message;
import io.ringkv.ring.RingSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue scenarios (b) and (c) on one five-node cluster of real processes: gossip marks a killed node down
 * and up again after its restart; a strict write with two of its three replicas down fails fast.
 */
class FailureDetectionIT {

    @TempDir
    static Path root;

    private static NodeProcesses cluster;

    @BeforeAll
    static void startCluster() {
        cluster = new NodeProcesses(root, Map.of("partition-count", "256"));
        cluster.startCluster(5);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void should_mark_a_killed_node_down_on_every_peer_and_up_again_after_restart() {
        List<String> peers = List.of("n1", "n2", "n3", "n4");
        long killedAt = System.nanoTime();
        cluster.kill("n5");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> peers.stream()
                        .allMatch(peer -> cluster.seesAlive(peer, "n5").equals(Optional.of(false))));
        long downMillis = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.printf("FailureDetectionIT: every peer marked the killed node down after %d ms%n", downMillis);

        long restartedAt = System.nanoTime();
        cluster.restart("n5");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> peers.stream()
                        .allMatch(peer -> cluster.seesAlive(peer, "n5").equals(Optional.of(true))));
        System.out.printf(
                "FailureDetectionIT: every peer saw the restarted node up after %d ms (JVM start included)%n",
                (System.nanoTime() - restartedAt) / 1_000_000);
        assertThat(downMillis)
                .as("default settings convict a dead node within 5 s, plus polling")
                .isLessThan(10_000);
    }

    @Test
    void should_refuse_a_strict_write_at_once_when_two_of_three_replicas_are_down() {
        RingSnapshot ring =
                RingReports.snapshot(cluster.getJson("n1", "/admin/ring").orElseThrow());
        String key = keyWithCoordinatorFirst(ring, "n1");
        List<String> replicas = ring.preferenceListForKey(key.getBytes(StandardCharsets.UTF_8));
        List<String> victims = replicas.subList(1, 3);
        victims.forEach(cluster::kill);
        try {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> victims.stream()
                            .allMatch(victim -> cluster.seesAlive("n1", victim).equals(Optional.of(false))));

            long startedAt = System.nanoTime();
            Message reply = ProcessClient.put(cluster.node("n1"), key, "v", 2, Consistency.STRICT);
            long tookMillis = (System.nanoTime() - startedAt) / 1_000_000;

            assertThat(reply).isInstanceOf(ErrorReply.class);
            assertThat(((ErrorReply) reply).code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(((ErrorReply) reply).definite()).isTrue();
            // Refused before any replica is contacted: well under the 2 s request timeout.
            assertThat(tookMillis).isLessThan(1_000);
        } finally {
            victims.forEach(cluster::restart);
            cluster.awaitRingOf(java.util.Set.copyOf(cluster.ids()));
        }
    }

    private static String keyWithCoordinatorFirst(RingSnapshot ring, String nodeId) {
        for (int i = 0; ; i++) {
            String key = "strict-" + i;
            if (ring.preferenceListForKey(key.getBytes(StandardCharsets.UTF_8))
                    .get(0)
                    .equals(nodeId)) {
                return key;
            }
        }
    }
}
