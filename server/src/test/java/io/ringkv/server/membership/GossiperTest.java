package io.ringkv.server.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.NodeState;
import io.ringkv.server.membership.SimulatedGossipNetwork.Conditions;
import io.ringkv.server.membership.SimulatedGossipNetwork.Kind;
import io.ringkv.server.membership.SimulatedGossipNetwork.ObservedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The gossiper's events, views and counters, on a small simulated cluster in virtual time. */
@ExtendWith(QuietMembershipLogs.class)
class GossiperTest {

    private static final long MILLIS = 1_000_000L;
    private static final long SECONDS = 1_000 * MILLIS;
    private static final long STEP = 10 * MILLIS;

    private final SimulatedGossipNetwork network = GossipSimulationTest.startCluster(3, 99, Conditions.LAN);

    private static final String A = GossipSimulationTest.nodeId(0);
    private static final String B = GossipSimulationTest.nodeId(1);
    private static final String C = GossipSimulationTest.nodeId(2);

    private void awaitAllUp(int nodeCount) {
        assertThat(network.runUntil(
                        () -> GossipSimulationTest.everyoneSeesAllAlive(network, nodeCount), STEP, 10 * SECONDS))
                .as("all %d nodes see each other alive", nodeCount)
                .isTrue();
    }

    private List<Kind> kindsSeenBy(String observer, String subject, int fromEvent) {
        return network.eventsSince(fromEvent).stream()
                .filter(event ->
                        event.observer().equals(observer) && event.subject().equals(subject))
                .map(ObservedEvent::kind)
                .toList();
    }

    @Test
    void should_report_a_new_peer_as_joined_before_it_is_up() {
        awaitAllUp(3);

        for (String observer : List.of(A, B, C)) {
            for (String subject : List.of(A, B, C)) {
                if (!observer.equals(subject)) {
                    assertThat(kindsSeenBy(observer, subject, 0))
                            .as("%s about %s", observer, subject)
                            .containsExactly(Kind.JOIN, Kind.UP);
                }
            }
        }
    }

    @Test
    void should_report_down_restart_and_up_when_a_peer_restarts_before_it_is_convicted() {
        awaitAllUp(3);
        network.runFor(2 * SECONDS);
        int mark = network.eventCount();

        network.kill(C);
        network.runFor(300 * MILLIS);
        network.restart(C, 2_000);
        network.runUntil(
                () -> kindsSeenBy(A, C, mark).contains(Kind.UP)
                        && kindsSeenBy(B, C, mark).contains(Kind.UP),
                STEP,
                5 * SECONDS);

        assertThat(kindsSeenBy(A, C, mark)).containsExactly(Kind.DOWN, Kind.RESTART, Kind.UP);
        assertThat(kindsSeenBy(B, C, mark)).containsExactly(Kind.DOWN, Kind.RESTART, Kind.UP);
        assertThat(network.gossiper(A).endpointState(C).generation()).isEqualTo(2_000);
    }

    @Test
    void should_spread_a_status_change_to_every_peer() {
        awaitAllUp(3);
        int mark = network.eventCount();

        network.gossiper(B).updateLocalStatus(NodeState.LEAVING);
        network.runUntil(
                () -> network.gossiper(A).endpointState(B).status() == NodeState.LEAVING
                        && network.gossiper(C).endpointState(B).status() == NodeState.LEAVING,
                STEP,
                5 * SECONDS);

        assertThat(kindsSeenBy(A, B, mark)).containsExactly(Kind.STATE_CHANGE);
        assertThat(kindsSeenBy(C, B, mark)).containsExactly(Kind.STATE_CHANGE);
        assertThat(network.gossiper(B).localState().status()).isEqualTo(NodeState.LEAVING);
    }

    @Test
    void should_spread_the_winning_ring_register_when_two_nodes_propose_at_once() {
        awaitAllUp(3);
        RingRegister fromA = GossipStateTest.register(1, A);
        RingRegister fromB = GossipStateTest.register(1, B);

        assertThat(network.gossiper(A).proposeRing(fromA)).isTrue();
        assertThat(network.gossiper(B).proposeRing(fromB)).isTrue();
        assertThat(network.gossiper(B).proposeRing(fromA))
                .as("a losing proposal is refused")
                .isFalse();
        network.runUntil(
                () -> List.of(A, B, C).stream()
                        .allMatch(node -> network.gossiper(node).ring().equals(fromB)),
                STEP,
                5 * SECONDS);

        for (String node : List.of(A, B, C)) {
            assertThat(network.gossiper(node).ring()).as("ring at %s", node).isEqualTo(fromB);
        }
        assertThat(network.events().stream().filter(event -> event.kind() == Kind.RING_CHANGE))
                .extracting(ObservedEvent::observer)
                .contains(A, C)
                .doesNotContain(B);
    }

    @Test
    void should_publish_a_view_with_each_members_liveness_and_phi() {
        awaitAllUp(3);
        network.runFor(2 * SECONDS);
        network.kill(C);
        network.runUntil(() -> !network.gossiper(A).isAlive(C), STEP, 5 * SECONDS);

        MembershipView view = network.gossiper(A).view();

        assertThat(view.localNodeId()).isEqualTo(A);
        assertThat(view.members().keySet()).containsExactly(A, B, C);
        assertThat(view.liveNodeIds()).containsExactly(A, B);
        assertThat(view.member(A).orElseThrow().phi()).isZero();
        assertThat(view.member(B).orElseThrow().phi()).isLessThan(1.0);
        assertThat(view.member(C).orElseThrow().phi()).isGreaterThanOrEqualTo(8.0);
        assertThat(view.nodeInfos())
                .extracting(NodeInfo::nodeId, NodeInfo::alive, NodeInfo::state)
                .containsExactly(
                        tuple(A, true, NodeState.NORMAL),
                        tuple(B, true, NodeState.NORMAL),
                        tuple(C, false, NodeState.NORMAL));
        assertThat(view.ring()).isEqualTo(RingRegister.NONE);
    }

    @Test
    void should_never_mark_up_a_dead_node_it_only_heard_of() {
        awaitAllUp(3);
        network.runFor(2 * SECONDS);
        network.kill(C);
        network.runUntil(
                () -> !network.gossiper(A).isAlive(C) && !network.gossiper(B).isAlive(C), STEP, 5 * SECONDS);
        String newcomer = GossipSimulationTest.nodeId(3);
        int mark = network.eventCount();

        network.start(newcomer, 1_000, GossipSimulationTest.config(3));
        network.runFor(10 * SECONDS);

        assertThat(kindsSeenBy(newcomer, C, mark)).containsExactly(Kind.JOIN);
        assertThat(network.gossiper(newcomer).isAlive(C)).isFalse();
        assertThat(network.gossiper(newcomer).liveEndpointCount()).isEqualTo(3);
    }

    @Test
    void should_count_rounds_and_failed_exchanges() {
        awaitAllUp(3);
        network.kill(C);
        network.runFor(10 * SECONDS);

        GossipCounters counters = network.gossiper(A).counters();

        assertThat(counters.rounds()).isGreaterThanOrEqualTo(50);
        assertThat(counters.synsSent()).isGreaterThan(counters.rounds());
        assertThat(counters.synsFailed()).as("probes of the dead node").isPositive();
        assertThat(counters.synsReceived()).isPositive();
    }

    @Test
    void should_refuse_gossip_from_another_cluster() {
        Syn foreign = new Syn("intruder", "another-cluster", 1, false, 0, List.of(), 0, "");

        assertThatThrownBy(() -> network.gossiper(A).handleSyn(foreign)).isInstanceOf(GossipRejectedException.class);
        assertThat(network.gossiper(A).knownEndpointCount()).isEqualTo(1);
    }
}
