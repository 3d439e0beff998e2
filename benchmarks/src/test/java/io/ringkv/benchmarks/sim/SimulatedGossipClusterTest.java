package io.ringkv.benchmarks.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedGossipClusterTest {

    private static final double MAX_ROUNDS = 200;

    @Test
    void should_replay_the_same_run_for_the_same_seed() {
        List<Long> first = fingerprint(42);
        List<Long> second = fingerprint(42);
        List<Long> otherSeed = fingerprint(43);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void should_converge_to_everyone_seeing_everyone_up() {
        SimulatedGossipCluster cluster = SimulatedGossipCluster.withDefaults(1, NetworkConditions.LAN);
        cluster.startNodes(30);

        long nanos = cluster.runUntil(cluster::allRunningSeeAllRunningUp, MAX_ROUNDS);

        assertThat(nanos).as("virtual nanoseconds to converge").isPositive();
        assertThat(nanos / cluster.roundNanos()).isLessThan(20);
        for (String nodeId : cluster.nodeIds()) {
            assertThat(cluster.gossiper(nodeId).knownEndpointCount()).isEqualTo(30);
        }
        assertThat(cluster.falseDownMarkings()).isZero();
    }

    @Test
    void should_spread_a_join_and_mark_a_killed_node_down_everywhere() {
        SimulatedGossipCluster cluster = SimulatedGossipCluster.withDefaults(2, NetworkConditions.LAN);
        cluster.startNodes(25);
        cluster.runUntil(cluster::allRunningSeeAllRunningUp, MAX_ROUNDS);
        cluster.runRounds(10);

        String newcomer = cluster.startNode();
        long joinNanos = cluster.runUntil(() -> cluster.countKnowing(newcomer) == 25, MAX_ROUNDS);
        String victim = cluster.nodeIds().get(10);
        cluster.kill(victim);
        long deathNanos = cluster.runUntil(() -> cluster.countSeeingDown(victim) == 25, MAX_ROUNDS);

        assertThat(joinNanos).isPositive();
        assertThat(deathNanos)
                .as("conviction takes about 1.7 s of silence plus the spread of the last heartbeat")
                .isBetween(1_500_000_000L, 5_000_000_000L);
        assertThat(cluster.falseDownMarkings()).isZero();
    }

    @Test
    void should_need_more_rounds_to_spread_a_join_when_messages_are_lost() {
        double lossless = meanJoinRounds(40, 0.0, 5);
        double lossy = meanJoinRounds(40, 0.3, 5);

        assertThat(lossy)
                .as("mean join rounds with 30%% loss vs %s without", lossless)
                .isGreaterThan(lossless);
    }

    @Test
    void should_grow_rounds_to_convergence_sub_linearly_with_cluster_size() {
        double small = meanJoinRounds(16, 0.0, 4);
        double large = meanJoinRounds(128, 0.0, 4);

        // Eight times the nodes: linear growth would multiply the rounds by 8, log n by about 1.75.
        assertThat(large / small)
                .as("rounds at n=128 (%s) over n=16 (%s)", large, small)
                .isLessThan(3.0);
    }

    /** Mean rounds, over several joins one after the other, until every node holds the newcomer's state. */
    private static double meanJoinRounds(int nodes, double lossRate, int joins) {
        SimulatedGossipCluster cluster =
                SimulatedGossipCluster.withDefaults(nodes * 31L + 7, NetworkConditions.LAN.withLossRate(lossRate));
        cluster.startNodes(nodes);
        cluster.runUntil(() -> allKnowAll(cluster), MAX_ROUNDS);
        cluster.runRounds(5);
        double total = 0;
        for (int join = 0; join < joins; join++) {
            String newcomer = cluster.startNode();
            int others = cluster.runningCount() - 1;
            long nanos = cluster.runUntil(() -> cluster.countKnowing(newcomer) == others, MAX_ROUNDS);
            assertThat(nanos).as("join %s of %s converged", join, nodes).isPositive();
            total += (double) nanos / cluster.roundNanos();
            cluster.runRounds(3);
        }
        return total / joins;
    }

    private static boolean allKnowAll(SimulatedGossipCluster cluster) {
        for (String nodeId : cluster.nodeIds()) {
            if (cluster.gossiper(nodeId).knownEndpointCount() < cluster.size()) {
                return false;
            }
        }
        return true;
    }

    private static List<Long> fingerprint(long seed) {
        SimulatedGossipCluster cluster =
                SimulatedGossipCluster.withDefaults(seed, NetworkConditions.LAN.withLossRate(0.05));
        cluster.startNodes(20);
        cluster.runRounds(30);
        List<Long> fingerprint = new ArrayList<>();
        fingerprint.add(cluster.messagesSent());
        fingerprint.add(cluster.messagesLost());
        fingerprint.add(cluster.scheduler().eventsRun());
        for (String nodeId : cluster.nodeIds()) {
            fingerprint.add(cluster.gossiper(nodeId).counters().synsFailed());
            for (String subject : cluster.nodeIds()) {
                var state = cluster.gossiper(nodeId).endpointState(subject);
                fingerprint.add(state == null ? -1 : state.version());
            }
        }
        return fingerprint;
    }
}
