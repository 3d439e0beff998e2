package io.ringkv.ring;

import static io.ringkv.ring.RingTestSupport.nodeInfos;
import static io.ringkv.ring.RingTestSupport.nodeNames;
import static io.ringkv.ring.RingTestSupport.randomOwners;
import static io.ringkv.ring.RingTestSupport.randomRacks;
import static io.ringkv.ring.RingTestSupport.snapshot;
import static io.ringkv.ring.RingTestSupport.walk;
import static io.ringkv.ring.RingTestSupport.walkOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RingSnapshotTest {

    private static final int SEEDS = 60;

    @Test
    void should_take_the_first_n_distinct_nodes_clockwise() {
        String[] owners = {"a", "a", "b", "a", "c", "b", "d", "a"};
        RingSnapshot ring = snapshot(owners, 3, Map.of());

        assertThat(ring.preferenceList(0)).containsExactly("a", "b", "c");
        assertThat(ring.preferenceList(4)).containsExactly("c", "b", "d");
        assertThat(ring.preferenceList(6)).containsExactly("d", "a", "b");
        assertThat(ring.preferenceList(7)).containsExactly("a", "b", "c");
    }

    @Test
    void should_prefer_rack_distinct_nodes_and_fill_with_the_next_nodes_when_racks_run_out() {
        String[] owners = {"a1", "a2", "b1", "a3", "b2", "a1", "b1", "a2"};
        Map<String, String> rackOf = Map.of("a1", "A", "a2", "A", "a3", "A", "b1", "B", "b2", "B");
        RingSnapshot ring = snapshot(owners, 3, rackOf);

        assertThat(ring.isRackAware()).isTrue();
        assertThat(ring.preferenceList(0)).containsExactly("a1", "b1", "a2");
        assertThat(ring.preferenceList(3)).containsExactly("a3", "b2", "a1");
        assertThat(ring.preferenceList(6)).containsExactly("b1", "a2", "a1");
    }

    @Test
    void should_treat_nodes_without_a_rack_as_one_unnamed_rack_in_a_rack_aware_ring() {
        String[] owners = {"x", "y", "r", "z", "s", "x", "y", "z"};
        Map<String, String> rackOf = new HashMap<>(Map.of("r", "R", "s", "S"));
        RingSnapshot ring = snapshot(owners, 3, rackOf);

        assertThat(ring.preferenceList(0)).containsExactly("x", "r", "s");
    }

    @Test
    void should_match_a_literal_walk_for_random_rings_with_and_without_racks() {
        for (int seed = 0; seed < SEEDS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int partitionCount = 1 << (3 + random.nextInt(6));
            int nodeCount = 1 + random.nextInt(Math.min(12, partitionCount / 2));
            int replicationFactor = 1 + random.nextInt(5);
            String[] owners = randomOwners(random, partitionCount, nodeCount);
            Map<String, String> rackOf =
                    random.nextBoolean() ? randomRacks(random, nodeCount, 1 + random.nextInt(4)) : Map.of();
            RingSnapshot ring = snapshot(owners, replicationFactor, rackOf);

            for (int partition = 0; partition < partitionCount; partition++) {
                assertThat(ring.preferenceList(partition))
                        .as("seed %d partition %d", seed, partition)
                        .containsExactlyElementsOf(walk(owners, rackOf, replicationFactor, partition)
                                .nodes());
            }
        }
    }

    @Test
    void should_hold_min_of_n_and_owner_count_distinct_nodes_with_the_owner_first() {
        for (int seed = 0; seed < SEEDS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int partitionCount = 1 << (4 + random.nextInt(7));
            int nodeCount = 1 + random.nextInt(10);
            int replicationFactor = 1 + random.nextInt(5);
            String[] owners = randomOwners(random, partitionCount, nodeCount);
            RingSnapshot ring = snapshot(owners, replicationFactor, Map.of());

            for (int partition = 0; partition < partitionCount; partition++) {
                List<String> preference = ring.preferenceList(partition);
                assertThat(preference)
                        .as("seed %d partition %d", seed, partition)
                        .hasSize(Math.min(replicationFactor, nodeCount))
                        .doesNotHaveDuplicates()
                        .startsWith(owners[partition]);
            }
        }
    }

    @Test
    void should_keep_preference_lists_whose_walk_does_not_reach_a_reassigned_partition() {
        for (int seed = 0; seed < SEEDS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int partitionCount = 1 << (5 + random.nextInt(4));
            int nodeCount = 2 + random.nextInt(10);
            int replicationFactor = 1 + random.nextInt(4);
            String[] before = randomOwners(random, partitionCount, nodeCount);
            Map<String, String> rackOf =
                    random.nextBoolean() ? randomRacks(random, nodeCount, 2 + random.nextInt(3)) : Map.of();
            int reassigned = random.nextInt(partitionCount);
            String[] after = before.clone();
            List<String> names = nodeNames(nodeCount);
            do {
                after[reassigned] = names.get(random.nextInt(nodeCount));
            } while (after[reassigned].equals(before[reassigned]));
            if (!List.of(after).contains(before[reassigned])) {
                continue; // the old owner vanished: every list may change, not the case under test
            }
            RingSnapshot ringBefore = snapshot(before, replicationFactor, rackOf);
            RingSnapshot ringAfter = snapshot(after, replicationFactor, rackOf);

            for (int partition = 0; partition < partitionCount; partition++) {
                int window = walk(before, rackOf, replicationFactor, partition).partitionsExamined();
                int distance = Math.floorMod(reassigned - partition, partitionCount);
                if (distance >= window) {
                    assertThat(ringAfter.preferenceList(partition))
                            .as("seed %d partition %d reassigned %d", seed, partition, reassigned)
                            .isEqualTo(ringBefore.preferenceList(partition));
                }
            }
        }
    }

    @Test
    void should_use_all_distinct_racks_when_there_are_at_least_n() {
        for (int seed = 0; seed < SEEDS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int partitionCount = 1 << (5 + random.nextInt(6));
            int nodeCount = 6 + random.nextInt(20);
            String[] owners = randomOwners(random, partitionCount, nodeCount);
            Map<String, String> rackOf = new HashMap<>();
            List<String> names = nodeNames(nodeCount);
            int rackCount = 3 + random.nextInt(3);
            for (int i = 0; i < nodeCount; i++) {
                rackOf.put(names.get(i), "rack-" + (i % rackCount));
            }
            RingSnapshot ring = snapshot(owners, 3, rackOf);

            for (int partition = 0; partition < partitionCount; partition++) {
                Set<String> racks = new HashSet<>();
                ring.preferenceList(partition).forEach(node -> racks.add(rackOf.get(node)));
                assertThat(racks).as("seed %d partition %d", seed, partition).hasSize(3);
            }
        }
    }

    @Test
    void should_list_every_owner_once_in_fallback_order_after_the_preference_list() {
        for (int seed = 0; seed < SEEDS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int partitionCount = 1 << (4 + random.nextInt(6));
            int nodeCount = 1 + random.nextInt(Math.min(20, partitionCount / 2));
            String[] owners = randomOwners(random, partitionCount, nodeCount);
            Map<String, String> rackOf = random.nextBoolean() ? randomRacks(random, nodeCount, 3) : Map.of();
            RingSnapshot ring = snapshot(owners, 3, rackOf);

            for (int partition = 0; partition < partitionCount; partition++) {
                List<String> preference = ring.preferenceList(partition);
                List<String> expectedRest = walkOrder(owners, partition);
                expectedRest.removeAll(preference);

                List<String> fallback = ring.fallbackOrder(partition);
                assertThat(fallback)
                        .as("seed %d partition %d", seed, partition)
                        .hasSize(nodeCount)
                        .startsWith(preference.toArray(String[]::new));
                assertThat(fallback.subList(preference.size(), fallback.size())).isEqualTo(expectedRest);
            }
        }
    }

    @Test
    void should_index_owned_and_replicated_partitions_per_node() {
        SplittableRandom random = new SplittableRandom(11);
        String[] owners = randomOwners(random, 256, 7);
        RingSnapshot ring = snapshot(owners, 3, Map.of());

        for (String node : nodeNames(7)) {
            Set<Integer> owned = new TreeSet<>();
            Set<Integer> replicated = new TreeSet<>();
            for (int partition = 0; partition < owners.length; partition++) {
                if (owners[partition].equals(node)) {
                    owned.add(partition);
                }
                if (ring.preferenceList(partition).contains(node)) {
                    replicated.add(partition);
                }
            }
            assertThat(ring.partitionsOwnedBy(node)).containsExactlyElementsOf(owned);
            assertThat(ring.ownedCount(node)).isEqualTo(owned.size());
            assertThat(ring.partitionsReplicatedBy(node)).containsExactlyElementsOf(replicated);
            owned.forEach(partition -> assertThat(ring.partitionsOwnedBy(node)).contains(partition));
            assertThat(ring.partitionsOwnedBy(node).contains(-1)).isFalse();
        }
        assertThat(ring.partitionsOwnedBy("stranger")).isEmpty();
        assertThat(ring.partitionsReplicatedBy("stranger")).isEmpty();
        assertThat(ring.ownedCount("stranger")).isZero();
    }

    @Test
    void should_hand_out_immutable_views() {
        RingSnapshot ring = snapshot(new String[] {"a", "b", "c", "a"}, 2, Map.of());

        assertThatThrownBy(() -> ring.preferenceList(0).set(0, "z")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ring.owners().add("z")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ring.partitionsOwnedBy("a").add(3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ring.partitionsReplicatedBy("a").clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ring.fallbackOrder(0).add("z")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ring.nodes().remove("a")).isInstanceOf(UnsupportedOperationException.class);
        String[] copy = ring.ownersArray();
        copy[0] = "z";
        assertThat(ring.owner(0)).isEqualTo("a");
    }

    @Test
    void should_copy_the_owner_array_it_is_built_from() {
        String[] owners = {"a", "b", "c", "a"};
        RingSnapshot ring = snapshot(owners, 2, Map.of());

        owners[0] = "c";

        assertThat(ring.owner(0)).isEqualTo("a");
        assertThat(ring.preferenceList(0)).containsExactly("a", "b");
    }

    @Test
    void should_route_a_key_through_its_partition() {
        RingSnapshot ring = RingSnapshot.of(
                7,
                new Partitioner(64),
                3,
                RingTestSupport.randomOwners(new SplittableRandom(3), 64, 5),
                nodeInfos(nodeNames(5), Map.of()));
        byte[] key = "user:42".getBytes(StandardCharsets.UTF_8);

        assertThat(ring.preferenceListForKey(key))
                .isEqualTo(ring.preferenceList(ring.partitioner().partitionForKey(key)));
        assertThat(ring.version()).isEqualTo(7);
        assertThat(ring.partitionCount()).isEqualTo(64);
        assertThat(ring.replicationFactor()).isEqualTo(3);
        assertThat(ring.distinctOwnerCount()).isEqualTo(5);
        assertThat(ring.node("node-00001")).map(NodeInfo::binaryPort).contains(7001);
        assertThat(ring.node("stranger")).isEmpty();
    }

    @Test
    void should_know_nodes_that_own_nothing_without_listing_them_as_replicas() {
        Map<String, NodeInfo> nodes = nodeInfos(List.of("a", "b", "joining"), Map.of());
        nodes.put("gone", new NodeInfo("gone", "h", 1, 2, null, NodeState.LEFT, false));

        RingSnapshot ring = RingSnapshot.of(1, new Partitioner(4), 3, new String[] {"a", "b", "a", "b"}, nodes);

        assertThat(ring.nodes()).containsOnlyKeys("a", "b", "gone", "joining");
        assertThat(ring.preferenceList(1)).containsExactly("b", "a");
        assertThat(ring.fallbackOrder(1)).containsExactly("b", "a");
        assertThat(ring.ownedCount("joining")).isZero();
    }

    @Test
    void should_reject_owners_that_left_or_are_unknown_and_malformed_inputs() {
        Map<String, NodeInfo> nodes = nodeInfos(List.of("a", "b"), Map.of());
        nodes.put("gone", new NodeInfo("gone", "h", 1, 2, "", NodeState.LEFT, false));
        Partitioner partitioner = new Partitioner(2);

        assertThatThrownBy(() -> RingSnapshot.of(1, partitioner, 3, new String[] {"a", "gone"}, nodes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("left");
        assertThatThrownBy(() -> RingSnapshot.of(1, partitioner, 3, new String[] {"a", "zed"}, nodes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a known node");
        assertThatThrownBy(() -> RingSnapshot.of(1, partitioner, 3, new String[] {"a", null}, nodes))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RingSnapshot.of(1, partitioner, 3, new String[] {"a", "b", "a"}, nodes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one owner per partition");
        assertThatThrownBy(() -> RingSnapshot.of(1, partitioner, 0, new String[] {"a", "b"}, nodes))
                .isInstanceOf(IllegalArgumentException.class);
        Map<String, NodeInfo> misnamed = Map.of("a", nodes.get("b"));
        assertThatThrownBy(() -> RingSnapshot.of(1, partitioner, 3, new String[] {"a", "a"}, misnamed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differs");
    }

    @Test
    void should_build_a_65536_partition_ring_over_5000_nodes_with_consecutive_preference_lists() {
        int partitionCount = 65536;
        List<String> names = nodeNames(5000);
        String[] owners = new PartitionAssigner(3).initial(names, partitionCount);
        Map<String, NodeInfo> nodes = nodeInfos(names, Map.of());

        long startNanos = System.nanoTime();
        RingSnapshot ring = RingSnapshot.of(1, new Partitioner(partitionCount), 3, owners, nodes);
        System.out.printf(
                "RingSnapshot Q=%d nodes=%d built in %.1f ms%n",
                partitionCount, names.size(), (System.nanoTime() - startNanos) / 1e6);

        for (int partition = 0; partition < partitionCount; partition++) {
            assertThat(ring.preferenceList(partition))
                    .as("partition %d", partition)
                    .containsExactly(
                            owners[partition],
                            owners[(partition + 1) % partitionCount],
                            owners[(partition + 2) % partitionCount]);
        }
        int replicated = names.stream()
                .mapToInt(name -> ring.partitionsReplicatedBy(name).size())
                .sum();
        assertThat(replicated).isEqualTo(3 * partitionCount);
        assertThat(ring.fallbackOrder(12345)).hasSize(5000).doesNotHaveDuplicates();
    }
}
