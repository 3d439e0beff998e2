package io.ringkv.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.PutReply;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.server.cli.BinaryConnection;
import io.ringkv.server.node.RingKvNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With N=2 on three nodes, a node outside a key's preference list forwards to one inside it. */
class ForwardingIT {

    @TempDir
    Path dataRoot;

    @Test
    void should_forward_to_a_replica_and_count_the_forward() throws Exception {
        try (InJvmCluster cluster = InJvmCluster.start(3, dataRoot, Map.of("replication-factor", "2"))) {
            RingKvNode outsider = cluster.nodes().get(2);
            byte[] key = keyNotReplicatedBy(cluster, outsider.nodeId());
            List<String> replicas = cluster.ring().preferenceListForKey(key);
            long forwardsBefore = outsider.metrics().snapshot().get("forwarded_requests");

            try (BinaryConnection connection =
                    BinaryConnection.open("127.0.0.1", outsider.binaryPort(), Duration.ofSeconds(10))) {
                PutReply put = (PutReply) connection.request(new PutRequest(
                        key, "v".getBytes(StandardCharsets.UTF_8), new byte[0], 2, Consistency.DEFAULT, 0));
                GetReply get = (GetReply) connection.request(new GetRequest(key, 2, Consistency.DEFAULT, 0));

                assertThat(replicas).doesNotContain(outsider.nodeId()).contains(put.coordinator(), get.coordinator());
                assertThat(get.siblings()).hasSize(1);
            }
            assertThat(outsider.metrics().snapshot().get("forwarded_requests")).isEqualTo(forwardsBefore + 2);
        }
    }

    private static byte[] keyNotReplicatedBy(InJvmCluster cluster, String nodeId) {
        for (int i = 0; ; i++) {
            byte[] key = ("key-" + i).getBytes(StandardCharsets.UTF_8);
            if (!cluster.ring().preferenceListForKey(key).contains(nodeId)) {
                return key;
            }
        }
    }
}
