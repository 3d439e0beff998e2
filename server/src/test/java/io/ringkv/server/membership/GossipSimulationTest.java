package io.ringkv.server.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.ring.NodeState;
import io.ringkv.server.membership.SimulatedGossipNetwork.Conditions;
import io.ringkv.server.membership.SimulatedGossipNetwork.Kind;
import io.ringkv.server.membership.SimulatedGossipNetwork.ObservedEvent;
import io.ringkv.server.membership.SimulatedGossipNetwork.SimulatedNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole-cluster behaviour of the gossiper with default settings, in virtual time: how fast membership
 * spreads, how fast a killed node is convicted by every peer, that a restarted node comes back, and that
 * message loss does not convict live nodes. Each run prints its figures.
 */
@ExtendWith(QuietMembershipLogs.class)
class GossipSimulationTest {

    private static final long MILLIS = 1_000_000L;
    private static final long SECONDS = 1_000 * MILLIS;
    private static final long INTERVAL_NANOS = GossiperConfig.DEFAULT_GOSSIP_INTERVAL_MILLIS * MILLIS;
    private static final long STEP_NANOS = 10 * MILLIS;
    private static final long GENERATION = 1_000;

    @ParameterizedTest(name = "{0} nodes")
    @ValueSource(ints = {5, 50, 500})
    void should_spread_membership_to_every_node_in_about_log_n_rounds(int nodeCount) {
        long seed = 11L * nodeCount;
        SimulatedGossipNetwork network = startCluster(nodeCount, seed, Conditions.LAN);

        boolean bootstrapped = network.runUntil(() -> everyoneKnows(network, nodeCount), STEP_NANOS, 30 * SECONDS);
        double bootstrapRounds = (double) network.nowNanos() / INTERVAL_NANOS;
        network.runFor(SECONDS);

        long joinedAt = network.nowNanos();
        network.start(nodeId(nodeCount), GENERATION, config(nodeCount));
        boolean spread = network.runUntil(() -> everyoneKnows(network, nodeCount + 1), STEP_NANOS, 30 * SECONDS);
        double joinRounds = (double) (network.nowNanos() - joinedAt) / INTERVAL_NANOS;
        System.out.printf(
                "membership spread, %d nodes (seed %d): every node knew every node after %.1f rounds from a cold"
                        + " start; a new node was known to all after %.1f rounds (log2 n = %.1f)%n",
                nodeCount, seed, bootstrapRounds, joinRounds, log2(nodeCount));

        assertThat(bootstrapped).as("seed %d: bootstrap converged", seed).isTrue();
        assertThat(spread)
                .as("seed %d: a joining node became known to all", seed)
                .isTrue();
        assertThat(joinRounds)
                .as("seed %d: rounds to spread a join", seed)
                .isLessThanOrEqualTo(2 * log2(nodeCount) + 5);
    }

    @ParameterizedTest(name = "{0} nodes")
    @ValueSource(ints = {5, 50, 500})
    void should_mark_a_killed_node_down_on_every_peer_within_five_seconds_and_up_again_after_restart(int nodeCount) {
        long seed = 23L * nodeCount;
        SimulatedGossipNetwork network = startCluster(nodeCount, seed, Conditions.LAN);
        assertThat(network.runUntil(() -> everyoneSeesAllAlive(network, nodeCount), STEP_NANOS, 30 * SECONDS))
                .as("seed %d: cluster came up", seed)
                .isTrue();
        long cameUpAt = network.nowNanos();
        network.runFor(2 * SECONDS);

        String victim = nodeId(nodeCount - 1);
        long killedAt = network.nowNanos();
        int eventsBeforeKill = network.eventCount();
        network.kill(victim);
        int observers = nodeCount - 1;
        network.runUntil(
                () -> firstEvents(network, eventsBeforeKill, victim, Kind.DOWN).size() == observers,
                STEP_NANOS,
                10 * SECONDS);
        Map<String, Long> downs = firstEvents(network, eventsBeforeKill, victim, Kind.DOWN);
        long worstDownNanos =
                downs.values().stream().mapToLong(at -> at - killedAt).max().orElse(Long.MAX_VALUE);

        network.runFor(SECONDS / 2);
        Map<String, Long> upsWhileDead = firstEvents(network, eventsBeforeKill, victim, Kind.UP);
        long restartedAt = network.nowNanos();
        int eventsBeforeRestart = network.eventCount();
        network.restart(victim, GENERATION + 1);
        network.runUntil(
                () -> firstEvents(network, eventsBeforeRestart, victim, Kind.UP).size() == observers,
                STEP_NANOS,
                10 * SECONDS);
        Map<String, Long> ups = firstEvents(network, eventsBeforeRestart, victim, Kind.UP);
        long worstUpNanos =
                ups.values().stream().mapToLong(at -> at - restartedAt).max().orElse(Long.MAX_VALUE);
        System.out.printf(
                "failure detection, %d nodes (seed %d): all up after %d ms; killed node marked down by %d/%d peers,"
                        + " worst after %d ms; restarted node marked up by %d/%d peers, worst after %d ms%n",
                nodeCount,
                seed,
                cameUpAt / MILLIS,
                downs.size(),
                observers,
                worstDownNanos / MILLIS,
                ups.size(),
                observers,
                worstUpNanos / MILLIS);

        assertThat(downs)
                .as("seed %d: peers that marked the killed node down", seed)
                .hasSize(observers);
        assertThat(worstDownNanos)
                .as("seed %d: worst detection time (ns)", seed)
                .isLessThanOrEqualTo(5 * SECONDS);
        assertThat(upsWhileDead)
                .as("seed %d: peers that marked the dead node up again", seed)
                .isEmpty();
        assertThat(ups)
                .as("seed %d: peers that marked the restarted node up", seed)
                .hasSize(observers);
        assertThat(worstUpNanos)
                .as("seed %d: worst time to see the restart (ns)", seed)
                .isLessThanOrEqualTo(5 * SECONDS);
        assertThat(downEventsOfOthers(network, victim))
                .as("seed %d: false convictions", seed)
                .isEmpty();
        for (SimulatedNode node : network.runningNodes()) {
            assertThat(node.gossiper.endpointState(victim).generation())
                    .as("seed %d: generation of the restarted node at %s", seed, node.nodeId)
                    .isEqualTo(GENERATION + 1);
        }
    }

    @Test
    void should_not_mark_live_nodes_down_over_ten_minutes_with_ten_percent_message_loss() {
        int nodeCount = 50;
        long seed = 4242L;
        SimulatedGossipNetwork network = startCluster(nodeCount, seed, Conditions.LAN.withLossRate(0.10));
        boolean cameUp = network.runUntil(() -> everyoneSeesAllAlive(network, nodeCount), STEP_NANOS, 60 * SECONDS);
        long upAt = network.nowNanos();
        network.runFor(600 * SECONDS - upAt);

        long downEvents = network.events().stream()
                .filter(event -> event.kind() == Kind.DOWN)
                .count();
        long upEvents = network.events().stream()
                .filter(event -> event.kind() == Kind.UP)
                .count();
        System.out.printf(
                "10%% loss, %d nodes, 10 virtual minutes (seed %d): cluster up after %d ms; %d messages, %d lost;"
                        + " %d down markings, %d up markings (%d expected from start-up)%n",
                nodeCount,
                seed,
                upAt / MILLIS,
                network.messagesSent(),
                network.messagesLost(),
                downEvents,
                upEvents,
                nodeCount * (nodeCount - 1));

        assertThat(cameUp).as("seed %d: cluster came up despite loss", seed).isTrue();
        assertThat(network.messagesLost()).as("seed %d: messages lost", seed).isPositive();
        assertThat(downEvents).as("seed %d: false down markings", seed).isZero();
        assertThat(everyoneSeesAllAlive(network, nodeCount))
                .as("seed %d: all alive at the end", seed)
                .isTrue();
    }

    @Test
    void should_keep_every_syn_bounded_and_send_no_full_syn_once_the_views_agree() {
        int nodeCount = 300;
        long seed = 808L;
        SimulatedGossipNetwork network = startAndAwaitAllUp(nodeCount, seed, 60 * SECONDS);
        network.runFor(30 * SECONDS);
        long fullSynsBefore = network.fullSyns();

        network.runFor(60 * SECONDS);

        System.out.printf(
                "bounded gossip, %d nodes (seed %d): largest syn without the full flag %d digests; full syns %d"
                        + " while bootstrapping, %d in the next 60 quiet seconds%n",
                nodeCount, seed, network.largestBoundedSyn(), fullSynsBefore, network.fullSyns() - fullSynsBefore);
        assertThat(network.largestBoundedSyn()).isLessThanOrEqualTo(2 + GossipState.MAX_RUMORS);
        assertThat(network.fullSyns() - fullSynsBefore)
                .as("seed %d: full syns once the views agree", seed)
                .isZero();
        for (SimulatedNode node : network.runningNodes()) {
            assertThat(node.gossiper.endpointState(node.nodeId).unreachable())
                    .as("seed %d: convictions by %s", seed, node.nodeId)
                    .isEmpty();
        }
    }

    @Test
    void should_judge_a_peer_it_does_not_watch_by_what_the_peers_monitors_gossip() {
        int nodeCount = 40;
        long seed = 31L;
        SimulatedGossipNetwork network = startAndAwaitAllUp(nodeCount, seed, 30 * SECONDS);
        String victim = nodeId(17);
        List<SimulatedNode> observers = network.runningNodes().stream()
                .filter(node -> !node.nodeId.equals(victim))
                .toList();
        long watchers = observers.stream()
                .filter(node -> node.gossiper.isNeighbour(victim))
                .count();

        network.kill(victim);
        boolean allSawIt = network.runUntil(
                () -> observers.stream().noneMatch(node -> node.gossiper.isAlive(victim)), STEP_NANOS, 10 * SECONDS);

        assertThat(watchers).as("monitors of the victim").isEqualTo(2L * GossiperConfig.DEFAULT_MONITORS);
        assertThat(allSawIt)
                .as("seed %d: every node, watcher or not, sees the victim down", seed)
                .isTrue();
        assertThat(downEventsOfOthers(network, victim)).isEmpty();
    }

    @Test
    void should_repair_with_a_full_exchange_the_view_of_a_node_that_missed_a_rumor() {
        int nodeCount = 30;
        long seed = 5L;
        SimulatedGossipNetwork network = startAndAwaitAllUp(nodeCount, seed, 30 * SECONDS);
        String sleeper = nodeId(3);
        List<String> changers = List.of(
                nodeId(10),
                nodeId(12),
                nodeId(14),
                nodeId(16),
                nodeId(18),
                nodeId(20),
                nodeId(22),
                nodeId(24),
                nodeId(26),
                nodeId(28));
        // Quiet for long enough that nobody, the sleeper included, still spreads the start-up as rumors.
        network.runFor(60 * INTERVAL_NANOS);
        network.pause(sleeper);
        changers.forEach(changer -> network.gossiper(changer).updateLocalStatus(NodeState.LEAVING));
        // Long enough for the change to stop being a rumor anywhere.
        network.runFor(60 * INTERVAL_NANOS);
        long fullSynsBefore = network.fullSyns();
        network.resume(sleeper);
        long resumedAt = network.nowNanos();
        boolean repaired = network.runUntil(
                () -> changers.stream()
                        .allMatch(changer ->
                                network.gossiper(sleeper).endpointState(changer).status() == NodeState.LEAVING),
                STEP_NANOS,
                10 * SECONDS);

        System.out.printf(
                "repair, %d nodes (seed %d): a node paused while 10 changes spread learned them %d ms after resuming,"
                        + " with %d full syns%n",
                nodeCount, seed, (network.nowNanos() - resumedAt) / MILLIS, network.fullSyns() - fullSynsBefore);
        assertThat(repaired)
                .as("seed %d: the paused node learned every change", seed)
                .isTrue();
        assertThat(network.fullSyns()).isGreaterThan(fullSynsBefore);
    }

    /** A lossless cluster of {@code nodeCount} started and run until every node sees every node up. */
    private static SimulatedGossipNetwork startAndAwaitAllUp(int nodeCount, long seed, long maxNanos) {
        SimulatedGossipNetwork network = startCluster(nodeCount, seed, Conditions.LAN);
        assertThat(network.runUntil(() -> everyoneSeesAllAlive(network, nodeCount), STEP_NANOS, maxNanos))
                .as("seed %d: cluster came up", seed)
                .isTrue();
        return network;
    }

    static SimulatedGossipNetwork startCluster(int nodeCount, long seed, Conditions conditions) {
        SimulatedGossipNetwork network = new SimulatedGossipNetwork(seed, conditions);
        for (int i = 0; i < nodeCount; i++) {
            network.start(nodeId(i), GENERATION, config(nodeCount));
        }
        return network;
    }

    static GossiperConfig config(int nodeCount) {
        List<PeerAddress> seeds = new ArrayList<>();
        for (int i = 0; i < Math.min(3, nodeCount); i++) {
            seeds.add(SimulatedGossipNetwork.addressOf(nodeId(i)));
        }
        return GossiperConfig.defaults(SimulatedGossipNetwork.CLUSTER, seeds);
    }

    static String nodeId(int index) {
        return String.format("node-%04d", index);
    }

    static boolean everyoneKnows(SimulatedGossipNetwork network, int nodeCount) {
        return network.runningNodes().stream().allMatch(node -> node.gossiper.knownEndpointCount() == nodeCount);
    }

    static boolean everyoneSeesAllAlive(SimulatedGossipNetwork network, int nodeCount) {
        return network.runningNodes().stream().allMatch(node -> node.gossiper.liveEndpointCount() == nodeCount);
    }

    /** For each observer, the time of its first {@code kind} event about {@code subject} among the newer events. */
    static Map<String, Long> firstEvents(SimulatedGossipNetwork network, int fromEvent, String subject, Kind kind) {
        Map<String, Long> first = new HashMap<>();
        for (ObservedEvent event : network.eventsSince(fromEvent)) {
            if (event.kind() == kind && event.subject().equals(subject)) {
                first.putIfAbsent(event.observer(), event.atNanos());
            }
        }
        return first;
    }

    static List<ObservedEvent> downEventsOfOthers(SimulatedGossipNetwork network, String victim) {
        return network.events().stream()
                .filter(event -> event.kind() == Kind.DOWN && !event.subject().equals(victim))
                .toList();
    }

    private static double log2(int value) {
        return Math.log(value) / Math.log(2);
    }
}
