package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A node's ring view for clients.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param version ring version, compared with envelope ring versions
 * @param partitionCount number of partitions Q
 * @param replicationFactor replicas per key N
 * @param nodes the nodes, indexed by {@code owners}
 * @param owners for each partition, the index in {@code nodes} of its owner
 */
public record RingSnapshotReply(
        long version, int partitionCount, int replicationFactor, List<NodeEntry> nodes, int[] owners)
        implements Message {

    public RingSnapshotReply {
        Fields.requireNonNegative("partitionCount", partitionCount);
        Fields.requireUnsignedByte("replicationFactor", replicationFactor);
        nodes = List.copyOf(nodes);
        Fields.requireUnsignedShorts("owners", Objects.requireNonNull(owners, "owners"));
    }

    @Override
    public MessageKind kind() {
        return MessageKind.RING_SNAPSHOT_REPLY;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof RingSnapshotReply other
                && version == other.version
                && partitionCount == other.partitionCount
                && replicationFactor == other.replicationFactor
                && nodes.equals(other.nodes)
                && Arrays.equals(owners, other.owners);
    }

    @Override
    public int hashCode() {
        int hash = Long.hashCode(version);
        hash = 31 * hash + Integer.hashCode(partitionCount);
        hash = 31 * hash + Integer.hashCode(replicationFactor);
        hash = 31 * hash + nodes.hashCode();
        hash = 31 * hash + Arrays.hashCode(owners);
        return hash;
    }

    @Override
    public String toString() {
        return "RingSnapshotReply["
                + "version=" + version
                + ", partitionCount=" + partitionCount
                + ", replicationFactor=" + replicationFactor
                + ", nodes=" + nodes
                + ", owners=" + Fields.describe(owners)
                + "]";
    }
}
