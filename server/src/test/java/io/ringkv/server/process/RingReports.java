package io.ringkv.server.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.NodeState;
import io.ringkv.ring.Partitioner;
import io.ringkv.ring.RingSnapshot;
import java.util.HashMap;
import java.util.Map;

/** Rebuilds a node's ring from its {@code GET /admin/ring} report, to compute preference lists in tests. */
final class RingReports {

    private RingReports() {}

    static RingSnapshot snapshot(JsonNode report) {
        int partitionCount = report.path("partition_count").asInt();
        String[] owners = new String[partitionCount];
        Map<String, NodeInfo> nodes = new HashMap<>();
        for (int p = 0; p < partitionCount; p++) {
            owners[p] = report.path("owners").get(p).asText();
            // Addresses do not matter for preference lists; the ids do.
            nodes.computeIfAbsent(owners[p], id -> new NodeInfo(id, "127.0.0.1", 1, 1, "", NodeState.NORMAL, true));
        }
        return RingSnapshot.of(
                report.path("version").asLong(),
                new Partitioner(partitionCount),
                report.path("replication_factor").asInt(),
                owners,
                nodes);
    }
}
