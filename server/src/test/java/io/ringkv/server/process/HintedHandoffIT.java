package io.ringkv.server.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.PutReply;
import io.ringkv.ring.RingSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue scenario (a): {@code kill -9} one replica; W=2 writes keep succeeding through sloppy quorum;
 * after a restart its hints replay, and every acknowledged write is readable from it alone.
 */
class HintedHandoffIT {

    @TempDir
    Path root;

    @Test
    void should_replay_hints_to_a_killed_replica_so_it_alone_serves_every_acknowledged_write() {
        // Four nodes with N=3, so a key's fourth node can stand in for its killed replica.
        try (NodeProcesses cluster = new NodeProcesses(root, Map.of("partition-count", "256"))) {
            cluster.startCluster(4);
            RingSnapshot ring =
                    RingReports.snapshot(cluster.getJson("n1", "/admin/ring").orElseThrow());
            cluster.kill("n3");

            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; acknowledged.size() < 100; i++) {
                String key = "handoff-" + i;
                if (!ring.preferenceListForKey(key.getBytes(StandardCharsets.UTF_8))
                        .contains("n3")) {
                    continue;
                }
                Message reply = ProcessClient.put(cluster.node("n1"), key, "value-" + i, 2, Consistency.DEFAULT);
                assertThat(reply).as("write of %s with n3 down", key).isInstanceOf(PutReply.class);
                acknowledged.add(key);
            }

            cluster.restart("n3");
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> cluster.ids().stream()
                            .filter(id -> !id.equals("n3"))
                            .allMatch(id -> cluster.getJson(id, "/admin/status")
                                    .map(status -> status.path("hints_pending").asLong() == 0)
                                    .orElse(false)));

            for (String peer : List.of("n1", "n2", "n4")) {
                cluster.stop(peer);
            }
            for (String key : acknowledged) {
                Message reply = ProcessClient.get(cluster.node("n3"), key, 1);
                assertThat(reply).as("read of %s from n3 alone", key).isInstanceOf(GetReply.class);
                assertThat(((GetReply) reply).siblings())
                        .extracting(sibling -> new String(sibling.value(), StandardCharsets.UTF_8))
                        .containsExactly("value-" + key.substring("handoff-".length()));
            }
        }
    }
}
