package io.ringkv.server.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.cluster.PendingTransition;
import io.ringkv.server.cluster.RingLayout;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TransitionPlanTest {

    /**
     * Mostly only the joiner gains replicas; occasionally a joiner that takes two partitions a few steps
     * apart shortens the distinct-node walk of the partitions before them, and another node gains a few.
     * The plan copies those too, and they stay a small fraction of the joiner's share.
     */
    @Test
    void should_give_the_joiner_its_replicas_and_other_nodes_at_most_a_few() {
        long seed = 20261125L;
        SplittableRandom random = new SplittableRandom(seed);
        int joinsWithOtherGainers = 0;
        for (int round = 0; round < 40; round++) {
            int partitionCount = 1 << (6 + random.nextInt(5));
            int replicationFactor = 1 + random.nextInt(4);
            int size = 1 + random.nextInt(9);
            RingLayout layout = TestRings.grown(partitionCount, replicationFactor, size);
            String joiner = "joiner";
            PendingTransition join = TestRings.transition(size + 1L, joiner, layout.withPendingJoin(joiner));

            Map<String, Set<Integer>> gains = TransitionPlan.gains(join.current(), join.next());

            String context = "seed " + seed + " round " + round + ": Q=" + partitionCount + " N=" + replicationFactor
                    + " nodes=" + size;
            Set<Integer> joinerGains = gains.get(joiner);
            assertThat(joinerGains).as(context).isEqualTo(join.next().partitionsReplicatedBy(joiner));
            int others = gains.entrySet().stream()
                    .filter(entry -> !entry.getKey().equals(joiner))
                    .mapToInt(entry -> entry.getValue().size())
                    .sum();
            assertThat(others).as(context).isLessThanOrEqualTo(joinerGains.size() / 10);
            if (others > 0) {
                joinsWithOtherGainers++;
            }
        }
        System.out.printf(
                "transition plan: %d of 40 random joins let another node gain a few replicas%n", joinsWithOtherGainers);
    }

    @Test
    void should_give_each_partition_a_leaving_node_replicated_exactly_one_new_replica() {
        RingLayout layout = TestRings.grown(256, 3, 5);
        PendingTransition leave = TestRings.transition(6, "n5", layout.withPendingLeave("n5"));

        List<PartitionTransfer> transfers = TransitionPlan.transfers(leave.current(), leave.next(), "n5");

        Set<Integer> replicatedByLeaver = leave.current().partitionsReplicatedBy("n5");
        assertThat(transfers).hasSize(replicatedByLeaver.size());
        assertThat(transfers).allSatisfy(transfer -> {
            assertThat(replicatedByLeaver).contains(transfer.partition());
            assertThat(transfer.gainer()).isNotEqualTo("n5");
            assertThat(transfer.sources().get(0))
                    .as("the leaving driver reads its own copy")
                    .isEqualTo("n5");
        });
        assertThat(leave.next().partitionsReplicatedBy("n5")).isEmpty();
    }

    @Test
    void should_copy_a_removed_nodes_partitions_from_survivors_preferring_the_driver() {
        RingLayout layout = TestRings.grown(128, 3, 4);
        PendingTransition removal = TestRings.transition(5, "n1", layout.withPendingLeave("n4"));

        List<PartitionTransfer> transfers = TransitionPlan.transfers(removal.current(), removal.next(), "n1");

        assertThat(transfers).isNotEmpty();
        for (PartitionTransfer transfer : transfers) {
            List<String> before = removal.current().preferenceList(transfer.partition());
            assertThat(before).contains("n4");
            assertThat(transfer.sources())
                    .containsExactlyInAnyOrderElementsOf(before.stream()
                            .filter(node -> !node.equals(transfer.gainer()))
                            .toList());
            if (before.contains("n1") && !transfer.gainer().equals("n1")) {
                assertThat(transfer.sources().get(0)).isEqualTo("n1");
            } else {
                assertThat(transfer.sources().get(0))
                        .as("the node dropping out holds the copy")
                        .isEqualTo("n4");
            }
        }
    }

    @Test
    void should_move_nothing_between_equal_rings() {
        RingSnapshot ring = TestRings.snapshot(3, TestRings.grown(64, 3, 3));

        assertThat(TransitionPlan.transfers(ring, ring, "n1")).isEmpty();
    }
}
