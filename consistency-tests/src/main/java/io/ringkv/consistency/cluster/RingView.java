package io.ringkv.consistency.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.NodeState;
import io.ringkv.ring.Partitioner;
import io.ringkv.ring.RingSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A node's ring as its {@code GET /admin/ring} report gives it: version, Q, N and each partition's
 * owner. Enough to compute a key's replicas with the same code nodes and clients use.
 *
 * @param version the ring version
 * @param partitionCount Q
 * @param replicationFactor N
 * @param owners owner of each partition, in partition order
 */
public record RingView(long version, int partitionCount, int replicationFactor, List<String> owners) {

    public RingView {
        owners = List.copyOf(owners);
        if (owners.size() != partitionCount) {
            throw new IllegalArgumentException(
                    "expected " + partitionCount + " partition owners, got " + owners.size());
        }
    }

    /** Parses the JSON report. */
    public static RingView fromJson(JsonNode report) {
        List<String> owners = new ArrayList<>();
        report.path("owners").forEach(owner -> owners.add(owner.asText()));
        return new RingView(
                report.path("version").asLong(),
                report.path("partition_count").asInt(),
                report.path("replication_factor").asInt(),
                owners);
    }

    /** The distinct owners. */
    public Set<String> ownerIds() {
        return new LinkedHashSet<>(owners);
    }

    /** The key's replicas, first coordinator first. */
    public List<String> replicasOf(byte[] key) {
        return toSnapshot().preferenceListForKey(key);
    }

    /** The key's partition. */
    public int partitionOf(byte[] key) {
        return new Partitioner(partitionCount).partitionForKey(key);
    }

    /** The key's token. */
    public long tokenOf(byte[] key) {
        return new Partitioner(partitionCount).token(key);
    }

    /** The ring as a snapshot, for callers that compute many preference lists. */
    public RingSnapshot toSnapshot() {
        Map<String, NodeInfo> nodes = new HashMap<>();
        for (String owner : owners) {
            // Addresses do not matter for preference lists; the ids do.
            nodes.computeIfAbsent(owner, id -> new NodeInfo(id, "127.0.0.1", 1, 1, "", NodeState.NORMAL, true));
        }
        return RingSnapshot.of(
                version, new Partitioner(partitionCount), replicationFactor, owners.toArray(String[]::new), nodes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RingView that
                && version == that.version
                && partitionCount == that.partitionCount
                && replicationFactor == that.replicationFactor
                && owners.equals(that.owners);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, partitionCount, replicationFactor, owners);
    }
}
