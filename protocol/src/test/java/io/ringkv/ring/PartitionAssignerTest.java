package io.ringkv.ring;

import static io.ringkv.ring.RingTestSupport.assertBalanced;
import static io.ringkv.ring.RingTestSupport.loadSpread;
import static io.ringkv.ring.RingTestSupport.nodeNames;
import static io.ringkv.ring.RingTestSupport.nodeRepeatsWithin;
import static io.ringkv.ring.RingTestSupport.rackRepeatsWithin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartitionAssignerTest {

    private final PartitionAssigner assigner = new PartitionAssigner(3);

    @ParameterizedTest(name = "{0} nodes, Q={1}")
    @CsvSource({"1, 64", "2, 64", "3, 4096", "10, 4096", "100, 4096", "400, 4096", "1000, 65536", "5000, 65536"})
    void should_give_every_node_the_floor_or_ceiling_share_spread_around_the_ring(int nodeCount, int partitionCount) {
        String[] owners = assigner.initial(nodeNames(nodeCount), partitionCount);

        IntSummaryStatistics spread = loadSpread(owners);
        System.out.printf(
                "initial   %5d nodes Q=%5d: owned per node min %d max %d, node repeats within 3: %d%n",
                nodeCount, partitionCount, spread.getMin(), spread.getMax(), nodeRepeatsWithin(owners, 3));
        assertBalanced(owners, nodeCount, "initial " + nodeCount);
        if (nodeCount > 3) {
            assertThat(nodeRepeatsWithin(owners, 3))
                    .as("same node within 3 partitions")
                    .isZero();
        } else if (nodeCount == 3) {
            // Three nodes distinct in every window of three must repeat with period 3, and 3 does not divide Q.
            assertThat(nodeRepeatsWithin(owners, 3))
                    .as("same node within 3 partitions")
                    .isLessThanOrEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0} -> {0}+1 nodes, Q={1}")
    @CsvSource({"1, 64", "3, 4096", "10, 4096", "100, 4096", "400, 4096", "1000, 65536", "5000, 65536"})
    void should_take_a_joining_nodes_share_from_many_nodes_and_move_nothing_else(int nodeCount, int partitionCount) {
        String[] before = assigner.initial(nodeNames(nodeCount), partitionCount);

        String[] after = assigner.withNodeAdded(before, "newcomer");

        Set<String> donors = new HashSet<>();
        int moved = 0;
        for (int partition = 0; partition < partitionCount; partition++) {
            if (!after[partition].equals(before[partition])) {
                assertThat(after[partition]).as("partition %d", partition).isEqualTo("newcomer");
                donors.add(before[partition]);
                moved++;
            }
        }
        IntSummaryStatistics spread = loadSpread(after);
        System.out.printf(
                "join   %5d+1 nodes Q=%5d: moved %d from %d donors, owned per node min %d max %d,"
                        + " node repeats within 3: %d%n",
                nodeCount,
                partitionCount,
                moved,
                donors.size(),
                spread.getMin(),
                spread.getMax(),
                nodeRepeatsWithin(after, 3));
        int ceiling = (partitionCount + nodeCount) / (nodeCount + 1);
        assertThat(moved).isEqualTo(partitionCount / (nodeCount + 1)).isLessThanOrEqualTo(ceiling);
        assertThat(donors.size()).isGreaterThanOrEqualTo((int) Math.ceil(Math.min(nodeCount, moved) * 0.5));
        assertBalanced(after, nodeCount + 1, "after join");
    }

    @ParameterizedTest(name = "{0} -> {0}-1 nodes, Q={1}")
    @CsvSource({"2, 64", "3, 4096", "10, 4096", "100, 4096", "400, 4096", "1000, 65536", "5000, 65536"})
    void should_spread_only_the_leaving_nodes_partitions_over_the_rest(int nodeCount, int partitionCount) {
        List<String> names = nodeNames(nodeCount);
        String[] before = assigner.initial(names, partitionCount);
        String leaving = names.get(nodeCount / 2);

        String[] after = assigner.withNodeRemoved(before, leaving);

        Set<String> receivers = new HashSet<>();
        int moved = 0;
        for (int partition = 0; partition < partitionCount; partition++) {
            if (!after[partition].equals(before[partition])) {
                assertThat(before[partition]).as("partition %d", partition).isEqualTo(leaving);
                receivers.add(after[partition]);
                moved++;
            }
            assertThat(after[partition]).isNotEqualTo(leaving);
        }
        IntSummaryStatistics spread = loadSpread(after);
        System.out.printf(
                "leave  %5d-1 nodes Q=%5d: moved %d to %d receivers, owned per node min %d max %d,"
                        + " node repeats within 3: %d%n",
                nodeCount,
                partitionCount,
                moved,
                receivers.size(),
                spread.getMin(),
                spread.getMax(),
                nodeRepeatsWithin(after, 3));
        assertThat(moved).isEqualTo(loadOf(before, leaving));
        assertThat(receivers.size()).isGreaterThanOrEqualTo((int) Math.ceil(Math.min(nodeCount - 1, moved) * 0.5));
        assertBalanced(after, nodeCount - 1, "after leave");
    }

    @Test
    void should_stay_balanced_and_spread_through_repeated_joins_from_3_to_10_nodes() {
        List<String> names = nodeNames(10);
        String[] owners = assigner.initial(names.subList(0, 3), 4096);
        for (int size = 4; size <= 10; size++) {
            String[] before = owners;
            owners = assigner.withNodeAdded(owners, names.get(size - 1));

            assertBalanced(owners, size, "join to " + size);
            assertOnlyMovedTo(before, owners, names.get(size - 1));
            IntSummaryStatistics spread = loadSpread(owners);
            int repeats = nodeRepeatsWithin(owners, 3);
            System.out.printf(
                    "joins to %2d nodes: owned per node min %d max %d, node repeats within 3: %d%n",
                    size, spread.getMin(), spread.getMax(), repeats);
            assertThat(repeats).as("repeats after join to %d", size).isLessThan(4096 / 20);
        }
    }

    @Test
    void should_stay_balanced_through_random_joins_and_leaves() {
        for (int seed = 0; seed < 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int partitionCount = 1 << (6 + random.nextInt(6));
            List<String> members = new ArrayList<>(nodeNames(1 + random.nextInt(8)));
            String[] owners = assigner.initial(members, partitionCount);
            int nextName = 100;
            for (int step = 0; step < 12; step++) {
                String[] before = owners;
                if (members.size() > 1 && random.nextInt(3) == 0) {
                    String leaving = members.remove(random.nextInt(members.size()));
                    owners = assigner.withNodeRemoved(owners, leaving);
                    assertOnlyMovedFrom(before, owners, leaving, seed);
                } else {
                    String joining = "joined-" + nextName++;
                    members.add(joining);
                    owners = assigner.withNodeAdded(owners, joining);
                    assertOnlyMovedTo(before, owners, joining);
                }
                assertBalanced(owners, members.size(), "seed " + seed + " step " + step);
            }
        }
    }

    /**
     * Where the deal wraps around the ring a rack may repeat once or twice: Q is a power of two, and a
     * rack pattern that is distinct in every window of three cannot always close the circle evenly.
     */
    @ParameterizedTest(name = "{0} racks of {1}")
    @CsvSource({"4, 3, 0", "5, 4, 2", "3, 4, 2", "3, 3, 2"})
    void should_keep_neighbourhoods_rack_distinct_when_racks_are_equal_in_size(
            int rackCount, int nodesPerRack, int allowedSeamRepeats) {
        List<String> names = nodeNames(rackCount * nodesPerRack);
        Map<String, String> rackOf = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            rackOf.put(names.get(i), "rack-" + (i % rackCount));
        }

        String[] owners = assigner.initial(names, 4096, rackOf);

        assertBalanced(owners, names.size(), "racked initial");
        assertThat(nodeRepeatsWithin(owners, 3)).isZero();
        assertThat(rackRepeatsWithin(owners, rackOf, 3)).isLessThanOrEqualTo(allowedSeamRepeats);
        if (allowedSeamRepeats == 0) {
            RingSnapshot ring = RingTestSupport.snapshot(owners, 3, rackOf);
            for (int partition = 0; partition < 4096; partition++) {
                assertThat(ring.preferenceList(partition))
                        .containsExactly(
                                owners[partition], owners[(partition + 1) % 4096], owners[(partition + 2) % 4096]);
            }
        }
    }

    @Test
    void should_prefer_rack_distinct_neighbours_when_racks_are_given() {
        List<String> names = nodeNames(12);
        Map<String, String> rackOf = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            rackOf.put(names.get(i), "rack-" + (i % 4));
        }
        rackOf.put("newcomer", "rack-0");
        // A ring laid out without racks (say, racks were configured later) leaves joins and leaves room to choose.
        String[] rackBlindRing = assigner.initial(names, 4096);
        String leaving = names.get(4);

        int initialRepeats = rackRepeatsWithin(assigner.initial(names, 4096, rackOf), rackOf, 3);
        int blindInitialRepeats = rackRepeatsWithin(rackBlindRing, rackOf, 3);
        String[] joined = assigner.withNodeAdded(rackBlindRing, "newcomer", rackOf);
        int joinRepeats = rackRepeatsWithin(joined, rackOf, 3);
        int blindJoinRepeats = rackRepeatsWithin(assigner.withNodeAdded(rackBlindRing, "newcomer"), rackOf, 3);
        String[] left = assigner.withNodeRemoved(rackBlindRing, leaving, rackOf);
        int leaveRepeats = rackRepeatsWithin(left, rackOf, 3);
        int blindLeaveRepeats = rackRepeatsWithin(assigner.withNodeRemoved(rackBlindRing, leaving), rackOf, 3);
        System.out.printf(
                "rack repeats within 3, 4 racks of 3: initial %d (rack-blind %d); join %d (rack-blind %d);"
                        + " leave %d (rack-blind %d)%n",
                initialRepeats, blindInitialRepeats, joinRepeats, blindJoinRepeats, leaveRepeats, blindLeaveRepeats);
        assertThat(initialRepeats).isZero();
        assertThat(blindInitialRepeats).isPositive();
        assertBalanced(joined, 13, "racked join");
        assertBalanced(left, 11, "racked leave");
        assertThat(joinRepeats).isLessThan(blindJoinRepeats);
        assertThat(leaveRepeats).isLessThan(blindLeaveRepeats);
    }

    @Test
    void should_take_from_the_most_loaded_nodes_of_an_unbalanced_ring_and_never_push_a_donor_below_the_floor() {
        for (int seed = 0; seed < 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int nodeCount = 2 + random.nextInt(12);
            String[] skewed = new String[1024];
            List<String> names = nodeNames(nodeCount);
            for (int partition = 0; partition < skewed.length; partition++) {
                // node i is drawn with weight i + 1, so loads differ widely
                int pick = random.nextInt(nodeCount * (nodeCount + 1) / 2);
                int node = 0;
                while (pick > node) {
                    pick -= node + 1;
                    node++;
                }
                skewed[partition] = names.get(Math.min(node, nodeCount - 1));
            }
            int owners = RingTestSupport.loads(skewed).size();
            int floor = 1024 / (owners + 1);
            int runSeed = seed;

            String[] joined = assigner.withNodeAdded(skewed, "newcomer");

            assertOnlyMovedTo(skewed, joined, "newcomer");
            assertThat(RingTestSupport.loads(joined).get("newcomer"))
                    .as("seed %d", seed)
                    .isEqualTo(floor);
            RingTestSupport.loads(skewed)
                    .forEach((node, load) -> assertThat(loadOf(joined, node))
                            .as("seed %d node %s", runSeed, node)
                            .isGreaterThanOrEqualTo(Math.min(load, floor)));
            assertThat(loadSpread(joined).getMax())
                    .isLessThanOrEqualTo(loadSpread(skewed).getMax());

            String leaving = skewed[random.nextInt(skewed.length)];
            assertOnlyMovedFrom(skewed, assigner.withNodeRemoved(skewed, leaving), leaving, seed);
        }
    }

    @Test
    void should_give_one_partition_each_to_as_many_nodes_as_there_are_partitions() {
        String[] owners = assigner.initial(nodeNames(100), 64);

        assertThat(RingTestSupport.loads(owners))
                .hasSize(64)
                .allSatisfy((node, load) -> assertThat(load).isEqualTo(1));
        assertThat(assigner.withNodeAdded(owners, "newcomer")).isEqualTo(owners);
    }

    @Test
    void should_give_the_same_ring_for_the_same_members_in_any_order() {
        List<String> names = new ArrayList<>(nodeNames(17));
        String[] first = assigner.initial(names, 1024);
        Collections.shuffle(names, new Random(5));

        assertThat(assigner.initial(names, 1024)).isEqualTo(first);
        assertThat(assigner.withNodeAdded(first, "x")).isEqualTo(assigner.withNodeAdded(first, "x"));
        assertThat(assigner.withNodeRemoved(first, names.get(3)))
                .isEqualTo(assigner.withNodeRemoved(first, names.get(3)));
    }

    @Test
    void should_leave_its_input_untouched() {
        String[] owners = assigner.initial(nodeNames(4), 64);
        String[] copy = owners.clone();

        assigner.withNodeAdded(owners, "x");
        assigner.withNodeRemoved(owners, "node-00001");

        assertThat(owners).isEqualTo(copy);
    }

    @Test
    void should_reject_invalid_requests() {
        String[] owners = assigner.initial(nodeNames(2), 64);

        assertThatThrownBy(() -> assigner.initial(List.of("a", "a"), 64)).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> assigner.initial(List.of(), 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> assigner.initial(List.of("a"), 100)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> assigner.withNodeAdded(owners, "node-00000")).hasMessageContaining("already owns");
        assertThatThrownBy(() -> assigner.withNodeRemoved(owners, "stranger")).hasMessageContaining("owns no");
        assertThatThrownBy(() -> assigner.withNodeRemoved(new String[] {"a", "a"}, "a"))
                .hasMessageContaining("only owner");
        assertThatThrownBy(() -> new PartitionAssigner(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int loadOf(String[] owners, String node) {
        return RingTestSupport.loads(owners).getOrDefault(node, 0);
    }

    private static void assertOnlyMovedTo(String[] before, String[] after, String newcomer) {
        for (int partition = 0; partition < before.length; partition++) {
            if (!before[partition].equals(after[partition])) {
                assertThat(after[partition]).as("partition %d", partition).isEqualTo(newcomer);
            }
        }
    }

    private static void assertOnlyMovedFrom(String[] before, String[] after, String leaving, int seed) {
        for (int partition = 0; partition < before.length; partition++) {
            if (!before[partition].equals(after[partition])) {
                assertThat(before[partition])
                        .as("seed %d partition %d", seed, partition)
                        .isEqualTo(leaving);
            }
            assertThat(after[partition]).as("seed %d", seed).isNotEqualTo(leaving);
        }
    }
}
