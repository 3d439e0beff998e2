package io.ringkv.server.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One node's view of the cluster: itself, every member it knows and what it owns.
 *
 * @param ringVersion the version of the ring snapshot the node serves from
 * @param hintsPending hints this node holds for other nodes
 * @param metrics this node's counters since it started (requests, forwards, read repairs, hints, gossip)
 */
public record StatusReport(
        @JsonProperty("node") String nodeId,
        @JsonProperty("cluster") String clusterName,
        @JsonProperty("ring_version") long ringVersion,
        @JsonProperty("storage_engine") String storageEngine,
        @JsonProperty("hints_pending") long hintsPending,
        @JsonProperty("members") List<MemberStatus> members,
        @JsonProperty("metrics") Map<String, Long> metrics) {

    public StatusReport {
        members = List.copyOf(members);
        metrics = Map.copyOf(metrics);
    }

    /**
     * @param alive this node's failure detector's opinion, not a cluster-wide fact
     * @param phi the current suspicion level (higher = more likely down)
     * @param ownedPartitions partitions this member is the primary owner of
     * @param replicatedPartitions partitions whose preference list contains this member
     */
    public record MemberStatus(
            @JsonProperty("node") String nodeId,
            @JsonProperty("host") String host,
            @JsonProperty("binary_port") int binaryPort,
            @JsonProperty("http_port") int httpPort,
            @JsonProperty("rack") String rack,
            @JsonProperty("state") String state,
            @JsonProperty("alive") boolean alive,
            @JsonProperty("phi") double phi,
            @JsonProperty("owned_partitions") int ownedPartitions,
            @JsonProperty("replicated_partitions") int replicatedPartitions,
            @JsonProperty("ownership_percent") double ownershipPercent) {}
}
