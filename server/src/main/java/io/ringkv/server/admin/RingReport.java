package io.ringkv.server.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The ring a node serves from: partition count, replication factor and each partition's owner, in
 * partition order. The same content clients receive in a ring snapshot.
 */
public record RingReport(
        @JsonProperty("version") long version,
        @JsonProperty("partition_count") int partitionCount,
        @JsonProperty("replication_factor") int replicationFactor,
        @JsonProperty("owners") List<String> owners,
        @JsonProperty("pending_owners") List<String> pendingOwners) {

    public RingReport {
        owners = List.copyOf(owners);
        pendingOwners = List.copyOf(pendingOwners);
    }
}
