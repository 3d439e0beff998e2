package io.ringkv.server.cluster;

import io.ringkv.protocol.message.RingAssignment;
import io.ringkv.ring.PartitionAssigner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The agreed partition layout of the cluster: Q, N, the member nodes and the owner of every partition.
 * It travels through gossip as the payload of the ring register (epoch and proposer are the register's)
 * and is persisted in the node's metadata, so a node restarting together with all its peers resumes the
 * same layout instead of inventing a fresh one (which would misplace every key).
 *
 * @param partitionCount Q
 * @param replicationFactor N
 * @param members ring members in a stable order; owners refer to them by index on the wire
 * @param owners owner node id of each partition
 */
public record RingLayout(int partitionCount, int replicationFactor, List<String> members, String[] owners) {

    private static final int FORMAT = 1;

    public RingLayout {
        members = List.copyOf(members);
        Objects.requireNonNull(owners, "owners");
        if (owners.length != partitionCount) {
            throw new IllegalArgumentException("expected " + partitionCount + " owners, got " + owners.length);
        }
        if (members.isEmpty() || members.size() > 0xFFFF) {
            throw new IllegalArgumentException("a ring needs 1..65535 members, had " + members.size());
        }
        for (String owner : owners) {
            if (!members.contains(owner)) {
                throw new IllegalArgumentException("owner " + owner + " is not a ring member " + members);
            }
        }
        owners = owners.clone();
    }

    /** The first layout of a new cluster: one node owns every partition. */
    public static RingLayout initial(String firstNode, int partitionCount, int replicationFactor) {
        String[] owners = new PartitionAssigner(replicationFactor).initial(List.of(firstNode), partitionCount);
        return new RingLayout(partitionCount, replicationFactor, List.of(firstNode), owners);
    }

    /** This layout with {@code node} added, moving as few partitions as the assigner can. */
    public RingLayout withMember(String node) {
        if (members.contains(node)) {
            return this;
        }
        List<String> grown = new ArrayList<>(members);
        grown.add(node);
        String[] moved = new PartitionAssigner(replicationFactor).withNodeAdded(owners, node);
        return new RingLayout(partitionCount, replicationFactor, grown, moved);
    }

    /** This layout without {@code node}; its partitions go to the remaining members. */
    public RingLayout withoutMember(String node) {
        if (!members.contains(node) || members.size() == 1) {
            return this;
        }
        List<String> shrunk = new ArrayList<>(members);
        shrunk.remove(node);
        String[] moved = new PartitionAssigner(replicationFactor).withNodeRemoved(owners, node);
        return new RingLayout(partitionCount, replicationFactor, shrunk, moved);
    }

    public boolean hasMember(String node) {
        return members.contains(node);
    }

    @Override
    public String[] owners() {
        return owners.clone();
    }

    /** The layout as the ring register's payload. */
    public byte[] toPayload() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + partitionCount * 2);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(partitionCount);
            out.writeShort(replicationFactor);
            out.writeShort(members.size());
            for (String member : members) {
                out.writeUTF(member);
            }
            for (int index : ownerIndexes()) {
                out.writeShort(index);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a payload written by {@link #toPayload()}.
     *
     * @throws IllegalArgumentException if the payload is not a valid layout
     */
    public static RingLayout fromPayload(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown ring layout format " + format);
            }
            int partitionCount = in.readInt();
            int replicationFactor = in.readUnsignedShort();
            int memberCount = in.readUnsignedShort();
            if (partitionCount < 1 || partitionCount > payload.length) {
                throw new IllegalArgumentException("implausible partition count " + partitionCount);
            }
            List<String> members = new ArrayList<>(memberCount);
            for (int i = 0; i < memberCount; i++) {
                members.add(in.readUTF());
            }
            int[] indexes = new int[partitionCount];
            for (int p = 0; p < partitionCount; p++) {
                indexes[p] = in.readUnsignedShort();
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("trailing bytes after the ring layout");
            }
            return fromIndexes(partitionCount, replicationFactor, members, indexes);
        } catch (IOException truncated) {
            throw new IllegalArgumentException("truncated ring layout", truncated);
        }
    }

    /** The layout in the wire form gossip acks carry. */
    public RingAssignment toWire(long epoch, String proposer) {
        return new RingAssignment(
                epoch, proposer, partitionCount, replicationFactor, members, ownerIndexes(), new int[0]);
    }

    /**
     * Reads the wire form.
     *
     * @throws IllegalArgumentException if it is not a valid layout
     */
    public static RingLayout fromWire(RingAssignment wire) {
        return fromIndexes(wire.partitionCount(), wire.replicationFactor(), wire.members(), wire.owners());
    }

    private static RingLayout fromIndexes(
            int partitionCount, int replicationFactor, List<String> members, int[] indexes) {
        if (indexes.length != partitionCount) {
            throw new IllegalArgumentException("expected " + partitionCount + " owners, got " + indexes.length);
        }
        String[] owners = new String[partitionCount];
        for (int p = 0; p < partitionCount; p++) {
            if (indexes[p] < 0 || indexes[p] >= members.size()) {
                throw new IllegalArgumentException("owner index " + indexes[p] + " of partition " + p
                        + " is outside the " + members.size() + " members");
            }
            owners[p] = members.get(indexes[p]);
        }
        return new RingLayout(partitionCount, replicationFactor, members, owners);
    }

    private int[] ownerIndexes() {
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            indexOf.put(members.get(i), i);
        }
        int[] indexes = new int[partitionCount];
        for (int p = 0; p < partitionCount; p++) {
            indexes[p] = indexOf.get(owners[p]);
        }
        return indexes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RingLayout layout
                && partitionCount == layout.partitionCount
                && replicationFactor == layout.replicationFactor
                && members.equals(layout.members)
                && Arrays.equals(owners, layout.owners);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partitionCount, replicationFactor, members, Arrays.hashCode(owners));
    }

    @Override
    public String toString() {
        return "RingLayout[Q=" + partitionCount + ", N=" + replicationFactor + ", members=" + members + "]";
    }
}
