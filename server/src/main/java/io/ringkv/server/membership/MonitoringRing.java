package io.ringkv.server.membership;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who watches whom, as in Akka's cluster heartbeat ring: the members sit on a ring ordered by a hash of
 * their ids, and each one is monitored directly by its {@code k} successors and {@code k} predecessors
 * (fewer when the ring is small; everybody when there are at most {@code 2k + 1} members). The relation is
 * symmetric: whoever monitors a node is monitored by it. Every node computes the ring from its own gossip
 * view, so views that agree give the same monitors.
 *
 * <p>A node's failure detector watches only its neighbours, so its work and its heartbeat traffic stay
 * constant as the cluster grows; what it knows of the others comes from their neighbours' gossiped
 * observations (see {@link LivenessTracker}). Adding or removing a member is O(log n); the neighbours of a
 * member cost O(k log n). Not thread-safe; confined to the topology thread.
 */
final class MonitoringRing {

    private record Slot(long position, String nodeId) {}

    private static final Comparator<Slot> ORDER =
            Comparator.comparingLong(Slot::position).thenComparing(Slot::nodeId);

    private final int k;
    private final NavigableSet<Slot> ring = new TreeSet<>(ORDER);
    private final Map<String, Slot> slots = new HashMap<>();

    /** @param k how many successors (and as many predecessors) monitor each member, at least 1 */
    MonitoringRing(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        this.k = k;
    }

    /** @return whether it was not a member yet */
    boolean add(String nodeId) {
        if (slots.containsKey(nodeId)) {
            return false;
        }
        Slot slot = new Slot(ViewHash.position(nodeId), nodeId);
        slots.put(nodeId, slot);
        ring.add(slot);
        return true;
    }

    /** @return whether it was a member */
    boolean remove(String nodeId) {
        Slot slot = slots.remove(nodeId);
        if (slot == null) {
            return false;
        }
        ring.remove(slot);
        return true;
    }

    boolean contains(String nodeId) {
        return slots.containsKey(nodeId);
    }

    int size() {
        return slots.size();
    }

    /**
     * The members that monitor {@code nodeId} and that it monitors: its {@code k} successors, then its
     * {@code k} predecessors, without repeats and without itself; empty for a non-member.
     */
    Set<String> neighbours(String nodeId) {
        Slot self = slots.get(nodeId);
        Set<String> neighbours = new LinkedHashSet<>();
        if (self == null) {
            return neighbours;
        }
        collect(self, ring.tailSet(self, false).iterator(), ring.iterator(), neighbours);
        collect(self, ring.headSet(self, false).descendingIterator(), ring.descendingIterator(), neighbours);
        return neighbours;
    }

    /** The {@code k} successors of {@code nodeId}: the neighbours its gossip rounds contact every time. */
    List<String> successors(String nodeId) {
        Slot self = slots.get(nodeId);
        Set<String> successors = new LinkedHashSet<>();
        if (self != null) {
            collect(self, ring.tailSet(self, false).iterator(), ring.iterator(), successors);
        }
        return new ArrayList<>(successors);
    }

    /** Walks up to {@code k} steps away from {@code self}, wrapping around once, adding what it passes. */
    private void collect(Slot self, Iterator<Slot> first, Iterator<Slot> wrapped, Set<String> into) {
        int steps = 0;
        Iterator<Slot> walk = first;
        boolean hasWrapped = false;
        while (steps < k) {
            if (!walk.hasNext()) {
                if (hasWrapped) {
                    return;
                }
                walk = wrapped;
                hasWrapped = true;
                continue;
            }
            Slot next = walk.next();
            if (next.equals(self)) {
                return;
            }
            into.add(next.nodeId());
            steps++;
        }
    }
}
