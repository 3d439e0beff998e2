package io.ringkv.consistency.nemesis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The partition shapes of Jepsen's standard nemeses. Each chooses its nodes from a seeded
 * {@link Random}, so a schedule repeats exactly for the same seed.
 */
public enum PartitionShape {
    /** Shuffled nodes split into halves: ⌊n/2⌋ and the rest (a minority and a majority when n is odd). */
    HALVES(2),
    /** A random minority of 1..⌊(n−1)/2⌋ nodes cut off from the majority. */
    MAJORITY_MINORITY(3),
    /** One random node cut off from every other. */
    ISOLATE_ONE(2),
    /**
     * Two halves that cannot see each other, joined by one bridge node that sees both: two overlapping
     * majorities sharing a single node.
     */
    BRIDGE(3),
    /**
     * Nodes on a shuffled ring, each seeing only its neighbours: every node sees a majority, but no two
     * nodes see the same one.
     */
    MAJORITIES_RING(4);

    private final int minimumNodes;

    PartitionShape(int minimumNodes) {
        this.minimumNodes = minimumNodes;
    }

    /** The fewest nodes for which this shape cuts anything sensible. */
    public int minimumNodes() {
        return minimumNodes;
    }

    /** The keyword name used in histories and on the command line: {@code majority-minority}. */
    public String keywordName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The shapes usable with {@code nodeCount} nodes. */
    public static List<PartitionShape> usableWith(int nodeCount) {
        List<PartitionShape> shapes = new ArrayList<>();
        for (PartitionShape shape : values()) {
            if (nodeCount >= shape.minimumNodes) {
                shapes.add(shape);
            }
        }
        return shapes;
    }

    /**
     * A partition of this shape over {@code nodes}.
     *
     * @throws IllegalArgumentException when there are fewer nodes than {@link #minimumNodes()}
     */
    public Grudge grudge(List<String> nodes, Random random) {
        if (nodes.size() < minimumNodes) {
            throw new IllegalArgumentException(
                    keywordName() + " needs at least " + minimumNodes + " nodes, got " + nodes.size());
        }
        List<String> shuffled = new ArrayList<>(new TreeSet<>(nodes));
        Collections.shuffle(shuffled, random);
        int n = shuffled.size();
        return switch (this) {
            case HALVES -> split(nodes, shuffled, n / 2);
            case MAJORITY_MINORITY -> split(nodes, shuffled, 1 + random.nextInt((n - 1) / 2));
            case ISOLATE_ONE -> split(nodes, shuffled, 1);
            case BRIDGE -> bridge(nodes, shuffled);
            case MAJORITIES_RING -> ring(nodes, shuffled);
        };
    }

    private static Grudge split(List<String> nodes, List<String> shuffled, int firstSize) {
        return Grudge.fromComponents(
                nodes,
                List.of(
                        Set.copyOf(shuffled.subList(0, firstSize)),
                        Set.copyOf(shuffled.subList(firstSize, shuffled.size()))));
    }

    private static Grudge bridge(List<String> nodes, List<String> shuffled) {
        int half = shuffled.size() / 2;
        String bridge = shuffled.get(half);
        Set<String> left = new TreeSet<>(shuffled.subList(0, half));
        left.add(bridge);
        Set<String> right = new TreeSet<>(shuffled.subList(half, shuffled.size()));
        return Grudge.fromComponents(nodes, List.of(left, right));
    }

    private static Grudge ring(List<String> nodes, List<String> shuffled) {
        int n = shuffled.size();
        int majority = n / 2 + 1;
        // Nodes within this ring distance of each other stay connected: each then sees a majority.
        int reach = majority / 2;
        List<Set<String>> windows = new ArrayList<>();
        for (int start = 0; start < n; start++) {
            Set<String> window = new TreeSet<>();
            for (int offset = 0; offset <= reach; offset++) {
                window.add(shuffled.get((start + offset) % n));
            }
            windows.add(window);
        }
        return Grudge.fromComponents(nodes, windows);
    }
}
