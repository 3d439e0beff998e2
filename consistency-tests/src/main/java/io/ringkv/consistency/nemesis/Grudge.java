package io.ringkv.consistency.nemesis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who cannot talk to whom during a partition: for each node, the nodes it is cut off from. Always
 * symmetric (a link is cut in both directions), so a request and its answer are lost alike, as in a
 * real partition.
 *
 * @param cut for each node the peers it cannot reach; nodes with no cut link may be absent
 */
public record Grudge(Map<String, Set<String>> cut) {

    public Grudge {
        Map<String, Set<String>> sorted = new TreeMap<>();
        cut.forEach((node, peers) -> {
            if (!peers.isEmpty()) {
                sorted.put(node, Set.copyOf(new TreeSet<>(peers)));
            }
        });
        for (Map.Entry<String, Set<String>> entry : sorted.entrySet()) {
            for (String peer : entry.getValue()) {
                if (peer.equals(entry.getKey())) {
                    throw new IllegalArgumentException(peer + " cannot be cut off from itself");
                }
                if (!sorted.getOrDefault(peer, Set.of()).contains(entry.getKey())) {
                    throw new IllegalArgumentException(
                            "a grudge is symmetric: " + entry.getKey() + " is cut from " + peer + " but not back");
                }
            }
        }
        cut = Collections.unmodifiableMap(sorted);
    }

    /**
     * The grudge in which two nodes can talk exactly when some component holds both. Components may
     * overlap (a bridge node belongs to two).
     */
    public static Grudge fromComponents(List<String> nodes, Collection<? extends Collection<String>> components) {
        Map<String, Set<String>> cut = new LinkedHashMap<>();
        for (String from : nodes) {
            for (String to : nodes) {
                if (!from.equals(to) && components.stream().noneMatch(c -> c.contains(from) && c.contains(to))) {
                    cut.computeIfAbsent(from, node -> new TreeSet<>()).add(to);
                }
            }
        }
        return new Grudge(cut);
    }

    /** The peers {@code node} cannot reach; empty when none. */
    public Set<String> cutFrom(String node) {
        return cut.getOrDefault(node, Set.of());
    }

    /** Every cut link as an ordered pair (both directions appear), sorted. */
    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        cut.forEach((from, peers) -> new TreeSet<>(peers).forEach(to -> links.add(new Link(from, to))));
        return links;
    }

    public boolean isEmpty() {
        return cut.isEmpty();
    }

    /** The EDN value for the history: a map from node to the sorted set of nodes it cannot reach. */
    public Map<String, Set<String>> ednValue() {
        Map<String, Set<String>> value = new LinkedHashMap<>();
        cut.forEach((node, peers) -> value.put(node, new LinkedHashSet<>(new TreeSet<>(peers))));
        return value;
    }

    /**
     * One direction of a cut link.
     *
     * @param from the sending node
     * @param to the receiving node
     */
    public record Link(String from, String to) {}
}
