package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Partition ownership agreed by the cluster, gossiped with every membership change.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param epoch increases with every new assignment
 * @param proposer id of the node that computed it
 * @param partitionCount number of partitions Q
 * @param replicationFactor replicas per key N
 * @param members member node ids, indexed by {@code owners} and {@code pendingOwners}
 * @param owners for each partition, the index in {@code members} of its owner
 * @param pendingOwners for each partition, the index of the node taking it over, or {@link #NO_PENDING_OWNER}; empty when no join is in progress
 */
public record RingAssignment(
        long epoch,
        String proposer,
        int partitionCount,
        int replicationFactor,
        List<String> members,
        int[] owners,
        int[] pendingOwners) {

    /** Value of {@link #pendingOwners()} for a partition no node is taking over. */
    public static final int NO_PENDING_OWNER = 0xFFFF;

    public RingAssignment {
        Objects.requireNonNull(proposer, "proposer");
        Fields.requireNonNegative("partitionCount", partitionCount);
        Fields.requireUnsignedByte("replicationFactor", replicationFactor);
        members = List.copyOf(members);
        Fields.requireUnsignedShorts("owners", Objects.requireNonNull(owners, "owners"));
        Fields.requireUnsignedShorts("pendingOwners", Objects.requireNonNull(pendingOwners, "pendingOwners"));
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof RingAssignment other
                && epoch == other.epoch
                && proposer.equals(other.proposer)
                && partitionCount == other.partitionCount
                && replicationFactor == other.replicationFactor
                && members.equals(other.members)
                && Arrays.equals(owners, other.owners)
                && Arrays.equals(pendingOwners, other.pendingOwners);
    }

    @Override
    public int hashCode() {
        int hash = Long.hashCode(epoch);
        hash = 31 * hash + proposer.hashCode();
        hash = 31 * hash + Integer.hashCode(partitionCount);
        hash = 31 * hash + Integer.hashCode(replicationFactor);
        hash = 31 * hash + members.hashCode();
        hash = 31 * hash + Arrays.hashCode(owners);
        hash = 31 * hash + Arrays.hashCode(pendingOwners);
        return hash;
    }

    @Override
    public String toString() {
        return "RingAssignment["
                + "epoch=" + epoch
                + ", proposer=" + proposer
                + ", partitionCount=" + partitionCount
                + ", replicationFactor=" + replicationFactor
                + ", members=" + members
                + ", owners=" + Fields.describe(owners)
                + ", pendingOwners=" + Fields.describe(pendingOwners)
                + "]";
    }
}
