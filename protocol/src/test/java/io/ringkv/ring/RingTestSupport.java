package io.ringkv.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Fixtures and a slow, obviously-correct preference-list walk the ring tests compare against. */
final class RingTestSupport {

    private RingTestSupport() {}

    static List<String> nodeNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(String.format("node-%05d", i));
        }
        return names;
    }

    static Map<String, NodeInfo> nodeInfos(List<String> names, Map<String, String> rackOf) {
        Map<String, NodeInfo> nodes = new HashMap<>();
        int port = 7000;
        for (String name : names) {
            nodes.put(name, new NodeInfo(name, "10.0.0.1", port++, 8080, rackOf.get(name), NodeState.NORMAL, true));
        }
        return nodes;
    }

    static RingSnapshot snapshot(String[] owners, int replicationFactor, Map<String, String> rackOf) {
        Set<String> names = new LinkedHashSet<>(List.of(owners));
        names.addAll(rackOf.keySet());
        return RingSnapshot.of(
                1,
                new Partitioner(owners.length),
                replicationFactor,
                owners,
                nodeInfos(new ArrayList<>(names), rackOf));
    }

    /** Random owners over {@code nodeCount} nodes, each node owning at least two partitions. */
    static String[] randomOwners(SplittableRandom random, int partitionCount, int nodeCount) {
        List<String> names = nodeNames(nodeCount);
        String[] owners = new String[partitionCount];
        for (int partition = 0; partition < partitionCount; partition++) {
            owners[partition] =
                    partition < 2 * nodeCount ? names.get(partition % nodeCount) : names.get(random.nextInt(nodeCount));
        }
        for (int i = partitionCount - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String held = owners[i];
            owners[i] = owners[j];
            owners[j] = held;
        }
        return owners;
    }

    static Map<String, String> randomRacks(SplittableRandom random, int nodeCount, int rackCount) {
        Map<String, String> rackOf = new HashMap<>();
        for (String name : nodeNames(nodeCount)) {
            rackOf.put(name, "rack-" + random.nextInt(rackCount));
        }
        return rackOf;
    }

    static Map<String, Integer> loads(String[] owners) {
        Map<String, Integer> loads = new HashMap<>();
        for (String owner : owners) {
            loads.merge(owner, 1, Integer::sum);
        }
        return loads;
    }

    static IntSummaryStatistics loadSpread(String[] owners) {
        return loads(owners).values().stream().mapToInt(Integer::intValue).summaryStatistics();
    }

    /** Asserts that {@code nodeCount} nodes each own ⌊Q/S⌋ or ⌈Q/S⌉ partitions. */
    static void assertBalanced(String[] owners, int nodeCount, String description) {
        int floor = owners.length / nodeCount;
        int ceiling = (owners.length + nodeCount - 1) / nodeCount;
        Map<String, Integer> loads = loads(owners);
        if (floor > 0) {
            assertThat(loads).as("%s: every node owns something", description).hasSize(nodeCount);
        }
        assertThat(loads.values())
                .as("%s: loads between %d and %d", description, floor, ceiling)
                .allSatisfy(load -> assertThat(load).isBetween(floor, ceiling));
    }

    /** Positions p where the same node reappears within the next {@code window - 1} partitions. */
    static int nodeRepeatsWithin(String[] owners, int window) {
        int repeats = 0;
        for (int partition = 0; partition < owners.length; partition++) {
            for (int distance = 1; distance < window; distance++) {
                if (owners[partition].equals(owners[(partition + distance) % owners.length])) {
                    repeats++;
                }
            }
        }
        return repeats;
    }

    /** Positions p where another node of the same rack appears within the next {@code window - 1} partitions. */
    static int rackRepeatsWithin(String[] owners, Map<String, String> rackOf, int window) {
        int repeats = 0;
        for (int partition = 0; partition < owners.length; partition++) {
            for (int distance = 1; distance < window; distance++) {
                String other = owners[(partition + distance) % owners.length];
                if (!other.equals(owners[partition]) && rackOf.get(other).equals(rackOf.get(owners[partition]))) {
                    repeats++;
                }
            }
        }
        return repeats;
    }

    /** A preference list and how many partitions the walk had to look at to decide it. */
    record Walk(List<String> nodes, int partitionsExamined) {}

    /**
     * The preference list of {@code partition} by literally walking the ring, as the contract states it:
     * first N distinct nodes; with racks, rack-distinct nodes first and then the next distinct nodes.
     */
    static Walk walk(String[] owners, Map<String, String> rackOf, int replicationFactor, int partition) {
        boolean rackAware = rackOf.values().stream().anyMatch(rack -> rack != null && !rack.isEmpty());
        Set<String> owning = new HashSet<>(List.of(owners));
        Set<String> owningRacks = new HashSet<>();
        owning.forEach(owner -> owningRacks.add(rackOf.getOrDefault(owner, "")));
        int target = Math.min(replicationFactor, owning.size());
        List<String> picked = new ArrayList<>();
        int lastStep = 0;
        if (rackAware) {
            int rackTarget = Math.min(replicationFactor, owningRacks.size());
            Set<String> racks = new HashSet<>();
            for (int step = 0; picked.size() < rackTarget; step++) {
                String node = owners[(partition + step) % owners.length];
                lastStep = Math.max(lastStep, step);
                if (!picked.contains(node) && racks.add(rackOf.getOrDefault(node, ""))) {
                    picked.add(node);
                }
            }
        }
        for (int step = 0; picked.size() < target; step++) {
            String node = owners[(partition + step) % owners.length];
            lastStep = Math.max(lastStep, step);
            if (!picked.contains(node)) {
                picked.add(node);
            }
        }
        return new Walk(picked, lastStep + 1);
    }

    /** Every distinct owner in the order a clockwise walk from {@code partition} meets it. */
    static List<String> walkOrder(String[] owners, int partition) {
        Set<String> order = new LinkedHashSet<>();
        for (int step = 0; step < owners.length; step++) {
            order.add(owners[(partition + step) % owners.length]);
        }
        return new ArrayList<>(order);
    }
}
