package io.ringkv.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One immutable view of the ring: which node owns each of the Q partitions, the nodes' addresses and
 * states, and the preference list of every partition, computed once when the snapshot is built.
 *
 * <p>A partition's preference list is the first N distinct nodes met walking clockwise from it. When
 * any node has a rack, the list is rack-distinct: a node is taken only if its rack is not yet in the
 * list, and when fewer than N racks own partitions the rest is filled with the next distinct nodes met.
 * A node without a rack in a rack-aware ring counts as rack {@code ""}. The list never depends on
 * liveness: a dead replica stays in it, and the server picks stand-ins from {@link #fallbackOrder(int)}.
 *
 * <p>Snapshots are never mutated: a ring change builds a new one, which callers publish atomically
 * (e.g. through a volatile field) so every request works against one consistent ring. All methods are
 * thread-safe and allocation-light; lists and sets returned are immutable views sharing the snapshot's
 * arrays. Preference lists are stored as node indexes, Q × min(N, owners) ints in all.
 */
public final class RingSnapshot {

    /** N when a cluster does not choose one. */
    public static final int DEFAULT_REPLICATION_FACTOR = 3;

    /** The largest N accepted (it fits the wire format's byte). */
    public static final int MAX_REPLICATION_FACTOR = 255;

    private final long version;
    private final Partitioner partitioner;
    private final int replicationFactor;
    private final Map<String, NodeInfo> nodes;
    private final boolean rackAware;

    /** Node ids sorted; a node's index is its position here. */
    private final String[] nodeIds;

    private final Map<String, Integer> indexOfNode;
    private final int[] ownerIndex;
    private final List<String> ownerView;
    private final int distinctOwnerCount;
    private final int rowLength;
    private final int[] preferenceTable;
    /** Partitions owned by node i are ownedPartitions[ownedStart[i], ownedStart[i + 1]). */
    private final int[] ownedStart;

    private final int[] ownedPartitions;
    /** Partitions replicated by node i are replicatedPartitions[replicatedStart[i], replicatedStart[i + 1]). */
    private final int[] replicatedStart;

    private final int[] replicatedPartitions;

    private RingSnapshot(
            long version,
            Partitioner partitioner,
            int replicationFactor,
            String[] owners,
            Map<String, NodeInfo> nodesById) {
        this.version = version;
        this.partitioner = partitioner;
        this.replicationFactor = replicationFactor;
        this.nodeIds = nodesById.keySet().stream().sorted().toArray(String[]::new);
        Map<String, NodeInfo> sortedNodes = new LinkedHashMap<>();
        Map<String, Integer> indexes = new HashMap<>();
        for (int i = 0; i < nodeIds.length; i++) {
            sortedNodes.put(nodeIds[i], nodesById.get(nodeIds[i]));
            indexes.put(nodeIds[i], i);
        }
        this.nodes = Collections.unmodifiableMap(sortedNodes);
        this.indexOfNode = indexes;

        this.ownerIndex = new int[owners.length];
        int[] ownedCounts = new int[nodeIds.length];
        for (int partition = 0; partition < owners.length; partition++) {
            int owner = indexOfOwner(owners[partition], partition);
            ownerIndex[partition] = owner;
            ownedCounts[owner]++;
        }
        this.ownerView = new NodeListView(nodeIds, ownerIndex, 0, ownerIndex.length);
        this.distinctOwnerCount =
                (int) Arrays.stream(ownedCounts).filter(count -> count > 0).count();
        this.rowLength = Math.min(replicationFactor, distinctOwnerCount);

        this.rackAware = sortedNodes.values().stream().anyMatch(NodeInfo::hasRack);
        int[] rackOfNode = rackAware ? rackNumbers() : null;
        this.preferenceTable = PreferenceTable.build(ownerIndex, rackOfNode, replicationFactor, rowLength);

        this.ownedStart = new int[nodeIds.length + 1];
        this.ownedPartitions = groupByNode(ownerIndex, 1, ownedStart);
        this.replicatedStart = new int[nodeIds.length + 1];
        this.replicatedPartitions = groupByNode(preferenceTable, rowLength, replicatedStart);
    }

    /**
     * Builds a snapshot and its preference table; O(Q·N²), a few milliseconds for Q = 65536.
     *
     * @param version increases with every ring change; replies carry it so clients notice stale rings
     * @param partitioner fixes Q; {@code owners.length} must equal Q
     * @param replicationFactor N, 1..{@value #MAX_REPLICATION_FACTOR}
     * @param owners node id owning each partition; copied. Every owner must be in {@code nodes} and not
     *     {@link NodeState#LEFT}
     * @param nodes every node the snapshot knows, by id (keys must equal {@link NodeInfo#nodeId()}); copied
     * @throws IllegalArgumentException when the inputs do not form a valid ring
     */
    public static RingSnapshot of(
            long version,
            Partitioner partitioner,
            int replicationFactor,
            String[] owners,
            Map<String, NodeInfo> nodes) {
        Objects.requireNonNull(partitioner, "partitioner");
        Objects.requireNonNull(owners, "owners");
        Objects.requireNonNull(nodes, "nodes");
        if (replicationFactor < 1 || replicationFactor > MAX_REPLICATION_FACTOR) {
            throw new IllegalArgumentException(
                    "replication factor must be within 1.." + MAX_REPLICATION_FACTOR + ", was " + replicationFactor);
        }
        if (owners.length != partitioner.partitionCount()) {
            throw new IllegalArgumentException(
                    "expected one owner per partition (" + partitioner.partitionCount() + "), got " + owners.length);
        }
        for (Map.Entry<String, NodeInfo> entry : nodes.entrySet()) {
            NodeInfo node = Objects.requireNonNull(entry.getValue(), "node info of " + entry.getKey());
            if (!node.nodeId().equals(entry.getKey())) {
                throw new IllegalArgumentException(
                        "node map key " + entry.getKey() + " differs from its node id " + node.nodeId());
            }
        }
        return new RingSnapshot(version, partitioner, replicationFactor, owners.clone(), Map.copyOf(nodes));
    }

    private int indexOfOwner(String owner, int partition) {
        if (owner == null) {
            throw new IllegalArgumentException("partition " + partition + " has no owner");
        }
        Integer index = indexOfNode.get(owner);
        if (index == null) {
            throw new IllegalArgumentException(
                    "owner " + owner + " of partition " + partition + " is not a known node");
        }
        if (nodes.get(owner).state() == NodeState.LEFT) {
            throw new IllegalArgumentException("owner " + owner + " of partition " + partition + " has left the ring");
        }
        return index;
    }

    private int[] rackNumbers() {
        Map<String, Integer> rackIds = new HashMap<>();
        int[] rackOfNode = new int[nodeIds.length];
        for (int i = 0; i < nodeIds.length; i++) {
            String rack = nodes.get(nodeIds[i]).rack();
            rackOfNode[i] = rackIds.computeIfAbsent(rack, unused -> rackIds.size());
        }
        return rackOfNode;
    }

    /**
     * Groups partitions by the node indexes found in {@code rows} (row p = {@code rows[p * width, (p+1) * width)}),
     * filling {@code start} with each node's slice; each slice comes out ascending.
     */
    private static int[] groupByNode(int[] rows, int width, int[] start) {
        for (int node : rows) {
            start[node + 1]++;
        }
        for (int i = 1; i < start.length; i++) {
            start[i] += start[i - 1];
        }
        int[] cursor = Arrays.copyOf(start, start.length - 1);
        int[] grouped = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            grouped[cursor[rows[i]]++] = i / width;
        }
        return grouped;
    }

    public long version() {
        return version;
    }

    public Partitioner partitioner() {
        return partitioner;
    }

    public int partitionCount() {
        return ownerIndex.length;
    }

    public int replicationFactor() {
        return replicationFactor;
    }

    /** Whether preference lists are rack-distinct, i.e. some node has a rack. */
    public boolean isRackAware() {
        return rackAware;
    }

    /** Every known node by id, in id order, including nodes that own nothing or have left. */
    public Map<String, NodeInfo> nodes() {
        return nodes;
    }

    public Optional<NodeInfo> node(String nodeId) {
        return Optional.ofNullable(nodes.get(nodeId));
    }

    /** The owner of every partition, indexed by partition; an immutable view. */
    public List<String> owners() {
        return ownerView;
    }

    /** A fresh copy of the owner array, e.g. to hand to {@link PartitionAssigner}. */
    public String[] ownersArray() {
        return ownerView.toArray(String[]::new);
    }

    public String owner(int partition) {
        return nodeIds[ownerIndex[Objects.checkIndex(partition, ownerIndex.length)]];
    }

    /** How many distinct nodes own at least one partition. */
    public int distinctOwnerCount() {
        return distinctOwnerCount;
    }

    /**
     * The replicas of {@code partition}, coordinator first: min(N, distinct owners) distinct nodes, the
     * same for every call. An immutable view; no copying.
     */
    public List<String> preferenceList(int partition) {
        Objects.checkIndex(partition, ownerIndex.length);
        return new NodeListView(nodeIds, preferenceTable, partition * rowLength, rowLength);
    }

    /** The preference list of the partition {@code key} hashes to. */
    public List<String> preferenceListForKey(byte[] key) {
        return preferenceList(partitioner.partitionForKey(key));
    }

    /**
     * Every distinct owner, the preference list first, then the others in the order a clockwise walk
     * from {@code partition} meets them: the order in which a sloppy quorum picks stand-ins for dead
     * replicas. Only owners appear, never nodes that own nothing. Computed on each call by a walk that
     * stops once every owner was met: typically a few times the node count steps, at most Q.
     */
    public List<String> fallbackOrder(int partition) {
        Objects.checkIndex(partition, ownerIndex.length);
        long[] seen = new long[(nodeIds.length + 63) >>> 6];
        List<String> order = new ArrayList<>(distinctOwnerCount);
        int rowStart = partition * rowLength;
        for (int i = rowStart; i < rowStart + rowLength; i++) {
            int node = preferenceTable[i];
            seen[node >>> 6] |= 1L << node;
            order.add(nodeIds[node]);
        }
        int partitionCount = ownerIndex.length;
        for (int step = 0; step < partitionCount && order.size() < distinctOwnerCount; step++) {
            int node = ownerIndex[(partition + step) & (partitionCount - 1)];
            long bit = 1L << node;
            if ((seen[node >>> 6] & bit) == 0) {
                seen[node >>> 6] |= bit;
                order.add(nodeIds[node]);
            }
        }
        return Collections.unmodifiableList(order);
    }

    /** The partitions {@code nodeId} owns, ascending; empty for unknown nodes. An immutable view. */
    public Set<Integer> partitionsOwnedBy(String nodeId) {
        Integer node = indexOfNode.get(nodeId);
        return node == null ? Set.of() : new PartitionSetView(ownedPartitions, ownedStart[node], ownedStart[node + 1]);
    }

    public int ownedCount(String nodeId) {
        Integer node = indexOfNode.get(nodeId);
        return node == null ? 0 : ownedStart[node + 1] - ownedStart[node];
    }

    /**
     * The partitions whose preference list contains {@code nodeId}, i.e. the data the node must hold,
     * ascending; empty for unknown nodes. An immutable view.
     */
    public Set<Integer> partitionsReplicatedBy(String nodeId) {
        Integer node = indexOfNode.get(nodeId);
        return node == null
                ? Set.of()
                : new PartitionSetView(replicatedPartitions, replicatedStart[node], replicatedStart[node + 1]);
    }

    @Override
    public String toString() {
        return "RingSnapshot[version=" + version + ", Q=" + ownerIndex.length + ", N=" + replicationFactor + ", nodes="
                + nodeIds.length + ", owners=" + distinctOwnerCount + ", rackAware=" + rackAware + "]";
    }
}
