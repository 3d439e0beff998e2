package io.ringkv.consistency.nemesis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * The faults of one run, in order and without overlap: a pure function of the nemesis kind, the node
 * ids, the duration, the timing and the seed. The same inputs always give the same schedule, so a run's
 * faults repeat exactly with its seed (what the workload does under them still depends on real timing).
 *
 * <p>Faults never overlap: each window is healed before the next starts, so every fault window in a
 * report has one cause. Every window ends within the run's duration.
 *
 * @param windows the faults, in time order
 */
public record NemesisSchedule(List<FaultWindow> windows) {

    private static final List<NemesisKind> MIXED_KINDS =
            List.of(NemesisKind.PARTITION, NemesisKind.KILL, NemesisKind.PAUSE);

    public NemesisSchedule {
        windows = List.copyOf(windows);
        for (int i = 1; i < windows.size(); i++) {
            if (windows.get(i).startMillis() < windows.get(i - 1).endMillis()) {
                throw new IllegalArgumentException(
                        "fault windows overlap: " + windows.get(i - 1) + " and " + windows.get(i));
            }
        }
    }

    public static NemesisSchedule empty() {
        return new NemesisSchedule(List.of());
    }

    /**
     * Plans the faults of a run.
     *
     * @param nodes the node ids the faults may touch
     * @param durationMillis how long the workload runs; every fault is healed by then
     */
    public static NemesisSchedule generate(
            NemesisKind kind, List<String> nodes, long durationMillis, ScheduleTiming timing, long seed) {
        if (kind == NemesisKind.NONE || nodes.size() < 2) {
            return empty();
        }
        List<String> sortedNodes = List.copyOf(new TreeSet<>(nodes));
        Random random = new Random(seed);
        List<FaultWindow> windows = new ArrayList<>();
        List<NemesisKind> deck = new ArrayList<>();
        long start = timing.initialQuietMillis();
        while (true) {
            long length = between(random, timing.minFaultMillis(), timing.maxFaultMillis());
            if (start + length > durationMillis) {
                break;
            }
            NemesisKind chosen = kind == NemesisKind.MIXED ? deal(deck, random) : kind;
            Fault fault = chosen == NemesisKind.MEMBERSHIP
                    ? new Fault.Join(joinerId(sortedNodes.size(), windows.size()))
                    : chooseFault(chosen, sortedNodes, random);
            windows.add(new FaultWindow(start, start + length, fault));
            start += length + between(random, timing.minQuietMillis(), timing.maxQuietMillis());
        }
        return new NemesisSchedule(windows);
    }

    /**
     * The next kind of a MIXED run, dealt from a shuffled deck of all three kinds: any three windows in a
     * row (from the first on) hold one partition, one kill and one pause. Drawing each kind independently
     * let short runs go without a partition at all.
     */
    private static NemesisKind deal(List<NemesisKind> deck, Random random) {
        if (deck.isEmpty()) {
            deck.addAll(MIXED_KINDS);
            Collections.shuffle(deck, random);
        }
        return deck.remove(deck.size() - 1);
    }

    private static Fault chooseFault(NemesisKind chosen, List<String> nodes, Random random) {
        return switch (chosen) {
            case PARTITION -> {
                List<PartitionShape> shapes = PartitionShape.usableWith(nodes.size());
                PartitionShape shape = shapes.get(random.nextInt(shapes.size()));
                yield new Fault.Partition(shape, shape.grudge(nodes, random));
            }
            case KILL -> new Fault.Kill(minority(nodes, random));
            case PAUSE -> new Fault.Pause(minority(nodes, random));
            case NONE, MIXED, MEMBERSHIP -> throw new IllegalStateException("not a random fault kind: " + chosen);
        };
    }

    /**
     * The id of the joiner of membership window {@code window}: {@code n<count+1>}, {@code n<count+2>}, ...
     * Each window's joiner is new, because a decommissioned node must not be started again as itself.
     */
    private static String joinerId(int nodeCount, int window) {
        return "n" + (nodeCount + 1 + window);
    }

    /** A random minority: 1..⌊(n−1)/2⌋ nodes (one node when n is 2). */
    private static List<String> minority(List<String> nodes, Random random) {
        int most = Math.max(1, (nodes.size() - 1) / 2);
        int count = 1 + random.nextInt(most);
        List<String> shuffled = new ArrayList<>(nodes);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, count);
    }

    private static long between(Random random, long low, long high) {
        return low == high ? low : low + (long) (random.nextDouble() * (high - low));
    }
}
