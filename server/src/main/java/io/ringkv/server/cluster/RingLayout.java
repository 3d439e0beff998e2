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
import java.util.Optional;

/**
 * The agreed partition layout of the cluster: Q, N, the member nodes and the owner of every partition.
 * It travels through gossip as the payload of the ring register (epoch and proposer are the register's)
 * and is persisted in the node's metadata, so a node restarting together with all its peers resumes the
 * same layout instead of inventing a fresh one (which would misplace every key).
 *
 * @param partitionCount Q
 * @param replicationFactor N
 * @param members ring members in a stable order; owners refer to them by index on the wire
 * <p><b>Transitions.</b> While a node joins, leaves or is removed, the layout also carries <em>pending
 * owners</em>: for each partition the node taking it over, or {@code null}. Applying them gives the
 * {@link #next()} layout. Members then include every node of either layout (a joiner is a member that
 * owns nothing yet). At most one transition is in flight: {@link #withPendingJoin} and
 * {@link #withPendingLeave} refuse a layout that already has pending owners. See
 * {@code docs/elasticity.md}.
 *
 * @param owners owner node id of each partition
 * @param pendingOwners for each partition the node taking it over, {@code null} for none; an empty
 *     array when no transition is in flight
 */
public record RingLayout(
        int partitionCount, int replicationFactor, List<String> members, String[] owners, String[] pendingOwners) {

    /** The format of a layout without pending owners, readable by every version. */
    private static final int FORMAT = 1;
    /** The format of a layout with pending owners: format 1 followed by one pending index per partition. */
    private static final int FORMAT_WITH_PENDING = 2;

    private static final int NO_PENDING_OWNER = RingAssignment.NO_PENDING_OWNER;

    public RingLayout {
        members = List.copyOf(members);
        Objects.requireNonNull(owners, "owners");
        Objects.requireNonNull(pendingOwners, "pendingOwners");
        if (owners.length != partitionCount) {
            throw new IllegalArgumentException("expected " + partitionCount + " owners, got " + owners.length);
        }
        if (pendingOwners.length != 0 && pendingOwners.length != partitionCount) {
            throw new IllegalArgumentException(
                    "expected 0 or " + partitionCount + " pending owners, got " + pendingOwners.length);
        }
        if (members.isEmpty() || members.size() >= NO_PENDING_OWNER) {
            throw new IllegalArgumentException("a ring needs 1..65534 members, had " + members.size());
        }
        for (String owner : owners) {
            if (!members.contains(owner)) {
                throw new IllegalArgumentException("owner " + owner + " is not a ring member " + members);
            }
        }
        boolean anyPending = false;
        for (String pending : pendingOwners) {
            if (pending != null) {
                anyPending = true;
                if (!members.contains(pending)) {
                    throw new IllegalArgumentException("pending owner " + pending + " is not a ring member " + members);
                }
            }
        }
        owners = owners.clone();
        pendingOwners = anyPending ? pendingOwners.clone() : new String[0];
    }

    /** A layout with no transition in flight. */
    public RingLayout(int partitionCount, int replicationFactor, List<String> members, String[] owners) {
        this(partitionCount, replicationFactor, members, owners, new String[0]);
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

    /** Whether {@code node} owns at least one partition now (a pending joiner does not). */
    public boolean ownsPartitions(String node) {
        for (String owner : owners) {
            if (owner.equals(node)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a transition is in flight: some partition has a pending owner. */
    public boolean hasPendingOwners() {
        return pendingOwners.length != 0;
    }

    /** The node taking {@code partition} over, if a transition moves it. */
    public Optional<String> pendingOwner(int partition) {
        return pendingOwners.length == 0 ? Optional.empty() : Optional.ofNullable(pendingOwners[partition]);
    }

    /**
     * The layout once the transition completes: pending owners applied, and only nodes that then own a
     * partition as members (a leaving or removed node drops out). This layout itself when none is pending.
     */
    public RingLayout next() {
        if (!hasPendingOwners()) {
            return this;
        }
        String[] applied = owners.clone();
        for (int p = 0; p < partitionCount; p++) {
            if (pendingOwners[p] != null) {
                applied[p] = pendingOwners[p];
            }
        }
        List<String> owning = new ArrayList<>();
        for (String member : members) {
            if (Arrays.asList(applied).contains(member)) {
                owning.add(member);
            }
        }
        return new RingLayout(partitionCount, replicationFactor, owning, applied);
    }

    /**
     * This layout with {@code node} pending as a joiner: it becomes a member that owns nothing yet, and
     * the partitions {@link #withMember} would give it are pending for it.
     *
     * @throws IllegalStateException when a transition is already in flight
     */
    public RingLayout withPendingJoin(String node) {
        requireNoTransition();
        RingLayout target = withMember(node);
        return new RingLayout(partitionCount, replicationFactor, target.members, owners, differences(target.owners));
    }

    /**
     * This layout with {@code node}'s departure pending: the partitions {@link #withoutMember} hands to
     * others are pending for their new owners, and {@code node} stays a member until it completes.
     *
     * @throws IllegalStateException when a transition is already in flight
     */
    public RingLayout withPendingLeave(String node) {
        requireNoTransition();
        RingLayout target = withoutMember(node);
        return new RingLayout(partitionCount, replicationFactor, members, owners, differences(target.owners));
    }

    private void requireNoTransition() {
        if (hasPendingOwners()) {
            throw new IllegalStateException("a ring transition is already in flight");
        }
    }

    private String[] differences(String[] targetOwners) {
        String[] pending = new String[partitionCount];
        for (int p = 0; p < partitionCount; p++) {
            if (!targetOwners[p].equals(owners[p])) {
                pending[p] = targetOwners[p];
            }
        }
        return pending;
    }

    @Override
    public String[] owners() {
        return owners.clone();
    }

    @Override
    public String[] pendingOwners() {
        return pendingOwners.clone();
    }

    /** The layout as the ring register's payload. */
    public byte[] toPayload() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + partitionCount * 2);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(hasPendingOwners() ? FORMAT_WITH_PENDING : FORMAT);
            out.writeInt(partitionCount);
            out.writeShort(replicationFactor);
            out.writeShort(members.size());
            for (String member : members) {
                out.writeUTF(member);
            }
            for (int index : ownerIndexes()) {
                out.writeShort(index);
            }
            for (int index : pendingIndexes()) {
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
            if (format != FORMAT && format != FORMAT_WITH_PENDING) {
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
            int[] pending = new int[format == FORMAT_WITH_PENDING ? partitionCount : 0];
            for (int p = 0; p < pending.length; p++) {
                pending[p] = in.readUnsignedShort();
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("trailing bytes after the ring layout");
            }
            return fromIndexes(partitionCount, replicationFactor, members, indexes, pending);
        } catch (IOException truncated) {
            throw new IllegalArgumentException("truncated ring layout", truncated);
        }
    }

    /** The layout in the wire form gossip acks carry. */
    public RingAssignment toWire(long epoch, String proposer) {
        return new RingAssignment(
                epoch, proposer, partitionCount, replicationFactor, members, ownerIndexes(), pendingIndexes());
    }

    /**
     * Reads the wire form.
     *
     * @throws IllegalArgumentException if it is not a valid layout
     */
    public static RingLayout fromWire(RingAssignment wire) {
        return fromIndexes(
                wire.partitionCount(), wire.replicationFactor(), wire.members(), wire.owners(), wire.pendingOwners());
    }

    private static RingLayout fromIndexes(
            int partitionCount, int replicationFactor, List<String> members, int[] indexes, int[] pendingIndexes) {
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
        if (pendingIndexes.length != 0 && pendingIndexes.length != partitionCount) {
            throw new IllegalArgumentException(
                    "expected 0 or " + partitionCount + " pending owners, got " + pendingIndexes.length);
        }
        String[] pending = new String[pendingIndexes.length];
        for (int p = 0; p < pendingIndexes.length; p++) {
            int index = pendingIndexes[p];
            if (index != NO_PENDING_OWNER) {
                if (index < 0 || index >= members.size()) {
                    throw new IllegalArgumentException("pending owner index " + index + " of partition " + p
                            + " is outside the " + members.size() + " members");
                }
                pending[p] = members.get(index);
            }
        }
        return new RingLayout(partitionCount, replicationFactor, members, owners, pending);
    }

    private int[] pendingIndexes() {
        if (!hasPendingOwners()) {
            return new int[0];
        }
        int[] indexes = new int[partitionCount];
        for (int p = 0; p < partitionCount; p++) {
            indexes[p] = pendingOwners[p] == null ? NO_PENDING_OWNER : members.indexOf(pendingOwners[p]);
        }
        return indexes;
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
                && Arrays.equals(owners, layout.owners)
                && Arrays.equals(pendingOwners, layout.pendingOwners);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                partitionCount, replicationFactor, members, Arrays.hashCode(owners), Arrays.hashCode(pendingOwners));
    }

    @Override
    public String toString() {
        long moving = Arrays.stream(pendingOwners).filter(Objects::nonNull).count();
        return "RingLayout[Q=" + partitionCount + ", N=" + replicationFactor + ", members=" + members
                + (moving == 0 ? "" : ", " + moving + " partitions pending") + "]";
    }
}
