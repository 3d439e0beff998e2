package io.ringkv.server.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.cluster.PendingTransition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The ring a node serves from: partition count, replication factor and each partition's owner, in
 * partition order. The same content clients receive in a ring snapshot, plus the membership change in
 * flight: while a transition of this ring is pending, {@code pending_owners[p]} names the node taking
 * partition {@code p} over ({@code null} for a partition that stays); the list is empty when none is.
 */
public record RingReport(
        @JsonProperty("version") long version,
        @JsonProperty("partition_count") int partitionCount,
        @JsonProperty("replication_factor") int replicationFactor,
        @JsonProperty("owners") List<String> owners,
        @JsonProperty("pending_owners") List<String> pendingOwners) {

    public RingReport {
        owners = List.copyOf(owners);
        // Not List.copyOf: partitions that stay have no pending owner, a null.
        pendingOwners = Collections.unmodifiableList(new ArrayList<>(pendingOwners));
    }

    /** The report of a node that has not joined a ring yet. */
    public static RingReport none() {
        return new RingReport(0, 0, 0, List.of(), List.of());
    }

    /**
     * The report of {@code ring}, with the pending owners of {@code transition} when it is a change of this
     * very ring (a transition of another version belongs to an older or newer ring).
     *
     * @param transition the transition in flight, or {@code null}
     */
    public static RingReport of(RingSnapshot ring, PendingTransition transition) {
        List<String> pending = new ArrayList<>();
        if (transition != null && transition.current().version() == ring.version()) {
            for (int partition = 0; partition < ring.partitionCount(); partition++) {
                pending.add(transition.layout().pendingOwner(partition).orElse(null));
            }
        }
        return new RingReport(
                ring.version(),
                ring.partitionCount(),
                ring.replicationFactor(),
                Arrays.asList(ring.ownersArray()),
                pending);
    }
}
