package io.ringkv.server.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.ring.NodeState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GossipStateTest {

    private static final String CLUSTER = "test-cluster";

    static EndpointState endpoint(String nodeId, long generation) {
        return EndpointState.initial(nodeId, generation, nodeId, 7000, 7001, "rack-1", NodeState.NORMAL, generation);
    }

    /** A remote node's state at {@code version} (its status flips with every version, as a change would). */
    static EndpointState endpoint(String nodeId, long generation, long version) {
        return new EndpointState(
                nodeId,
                generation,
                version,
                nodeId,
                7000,
                7001,
                "rack-1",
                version % 2 == 1 ? NodeState.NORMAL : NodeState.LEAVING,
                generation,
                List.of());
    }

    static GossipState gossipState(String nodeId, long generation) {
        return new GossipState(CLUSTER, endpoint(nodeId, generation), GossipState.Observer.NONE);
    }

    /** One complete exchange started by {@code initiator}. */
    static void exchange(GossipState initiator, GossipState receiver) {
        exchange(initiator, receiver, false);
    }

    static void exchange(GossipState initiator, GossipState receiver, boolean full) {
        Ack ack = receiver.onSyn(initiator.makeSyn(receiver.localState().nodeId(), full));
        Ack2 ack2 = initiator.onAck(ack);
        receiver.onAck2(ack2);
    }

    /** Changes the local state {@code times} times (a status flip each), as real changes would. */
    static void change(GossipState state, int times) {
        for (int i = 0; i < times; i++) {
            state.updateLocalStatus(
                    state.localState().status() == NodeState.NORMAL ? NodeState.LEAVING : NodeState.NORMAL);
        }
    }

    static Map<String, GossipDigest> digests(GossipState state) {
        Map<String, GossipDigest> digests = new HashMap<>();
        for (EndpointState endpoint : state.states()) {
            digests.put(endpoint.nodeId(), endpoint.digest());
        }
        return digests;
    }

    static void beat(GossipState state, int times) {
        for (int i = 0; i < times; i++) {
            state.beat();
        }
    }

    @Test
    void should_converge_two_nodes_in_one_exchange() {
        GossipState a = gossipState("a", 1);
        GossipState b = gossipState("b", 1);
        change(a, 2);
        change(b, 4);

        exchange(a, b);

        assertThat(digests(a)).isEqualTo(digests(b)).hasSize(2);
        assertThat(a.state("b").version()).isEqualTo(5);
        assertThat(b.state("a").version()).isEqualTo(3);
        assertThat(a.viewHash()).isEqualTo(b.viewHash());
    }

    @Test
    void should_converge_three_nodes_through_the_node_between_them() {
        GossipState a = gossipState("a", 1);
        GossipState b = gossipState("b", 1);
        GossipState c = gossipState("c", 1);
        change(a, 1);
        change(c, 3);

        exchange(a, b);
        exchange(c, b);
        exchange(a, b);

        assertThat(digests(a)).isEqualTo(digests(b)).isEqualTo(digests(c)).hasSize(3);
        assertThat(a.state("c").version()).isEqualTo(4);
    }

    @Test
    void should_take_a_newer_generation_even_with_a_lower_version() {
        GossipState a = gossipState("a", 1);
        GossipState b = gossipState("b", 1);
        change(a, 10);
        exchange(a, b);
        assertThat(b.state("a").version()).isEqualTo(11);

        GossipState restarted = gossipState("a", 2);
        exchange(restarted, b);

        assertThat(b.state("a").generation()).isEqualTo(2);
        assertThat(b.state("a").version()).isEqualTo(1);
    }

    @Test
    void should_replace_an_older_generation_held_by_a_stale_peer_and_never_take_it_back() {
        GossipState a = gossipState("a", 1);
        GossipState stale = gossipState("stale", 1);
        GossipState fresh = gossipState("fresh", 1);
        change(a, 10);
        exchange(a, stale);
        exchange(gossipState("a", 2), fresh);

        exchange(stale, fresh);

        assertThat(fresh.state("a").generation()).isEqualTo(2);
        assertThat(stale.state("a").generation()).isEqualTo(2);
    }

    @Test
    void should_ask_for_what_it_lacks_and_send_what_the_peer_lacks() {
        GossipState receiver = gossipState("r", 1);
        receiver.apply(endpoint("older-here", 1, 2));
        receiver.apply(endpoint("newer-here", 1, 3));
        receiver.apply(endpoint("restarted-there", 1, 2));
        beat(receiver, receiver.rumorRounds() + 1); // so that no rumor rides along
        Syn syn = new Syn(
                "s",
                CLUSTER,
                7,
                false,
                0,
                List.of(
                        new GossipDigest("s", 1, 4),
                        new GossipDigest("older-here", 1, 7),
                        new GossipDigest("newer-here", 1, 1),
                        new GossipDigest("restarted-there", 2, 1),
                        new GossipDigest("r", 1, 1)),
                0,
                "");

        Ack ack = receiver.onSyn(syn);

        assertThat(ack.digests())
                .containsExactlyInAnyOrder(
                        new GossipDigest("s", 1, 0),
                        new GossipDigest("older-here", 1, 2),
                        new GossipDigest("restarted-there", 2, 0));
        assertThat(ack.states()).extracting(EndpointState::nodeId).containsExactly("newer-here");
        assertThat(ack.ring()).isEmpty();
    }

    @Test
    void should_send_endpoints_the_peer_did_not_mention_unasked_in_answer_to_a_full_syn() {
        GossipState knowsMore = gossipState("k", 1);
        knowsMore.apply(endpoint("x", 1));
        knowsMore.apply(endpoint("y", 1));
        beat(knowsMore, knowsMore.rumorRounds() + 1);
        GossipState newcomer = gossipState("n", 1);

        Ack normal = knowsMore.onSyn(newcomer.makeSyn(null, false));
        Ack full = knowsMore.onSyn(newcomer.makeSyn(null, true));

        assertThat(normal.states()).extracting(EndpointState::nodeId).containsExactly("k");
        assertThat(full.states()).extracting(EndpointState::nodeId).containsExactlyInAnyOrder("k", "x", "y");
        assertThat(full.digests()).containsExactly(new GossipDigest("n", 1, 0));
    }

    @Test
    void should_send_a_syn_of_the_same_size_however_many_endpoints_it_knows() {
        GossipState big = gossipState("big", 1);
        for (int i = 0; i < 5_000; i++) {
            big.apply(endpoint("node-" + i, 1));
        }
        assertThat(big.makeSyn("node-7", false).digests()).hasSize(2 + GossipState.MAX_RUMORS);

        beat(big, big.rumorRounds() + 1);

        assertThat(big.makeSyn("node-7", false).digests())
                .extracting(GossipDigest::nodeId)
                .containsExactly("big", "node-7");
        assertThat(big.makeSyn("node-7", true).digests()).hasSize(5_001);
    }

    @Test
    void should_push_its_rumors_the_peer_did_not_mention_and_let_them_die_out() {
        GossipState a = gossipState("a", 1);
        GossipState b = gossipState("b", 1);
        exchange(a, b);
        b.apply(endpoint("news", 1, 3));
        beat(b, b.rumorRounds() - 1);

        Ack ack = b.onSyn(a.makeSyn("b", false));
        assertThat(ack.states()).extracting(EndpointState::nodeId).contains("news");
        a.onAck(ack);
        assertThat(a.state("news").version()).isEqualTo(3);

        beat(b, 2);
        GossipState late = gossipState("late", 1);
        assertThat(b.onSyn(late.makeSyn("b", false)).states())
                .extracting(EndpointState::nodeId)
                .containsExactly("b");
    }

    @Test
    void should_give_equal_views_the_same_hash_whatever_order_they_were_learned_in() {
        SplittableRandom random = new SplittableRandom(7);
        List<EndpointState> states = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            states.add(endpoint("n" + i, 1 + random.nextInt(3), 1 + random.nextInt(5)));
        }
        GossipState forward = gossipState("self", 1);
        GossipState backward = gossipState("self", 1);
        for (int i = 0; i < states.size(); i++) {
            forward.apply(endpoint(states.get(i).nodeId(), 1, 1));
            forward.apply(states.get(i));
            backward.apply(states.get(states.size() - 1 - i));
        }
        long before = forward.viewHash();

        assertThat(forward.viewHash()).isEqualTo(backward.viewHash());
        backward.apply(endpoint("n0", 9, 1));
        assertThat(backward.viewHash()).isNotEqualTo(before);
    }

    @Test
    void should_answer_requests_from_an_ack_with_its_newer_states_only() {
        GossipState initiator = gossipState("i", 1);
        change(initiator, 2);
        initiator.apply(endpoint("x", 5));
        Ack ack = new Ack(
                "r",
                4,
                0,
                List.of(new GossipDigest("i", 1, 0), new GossipDigest("x", 5, 1), new GossipDigest("unknown", 1, 0)),
                List.of(),
                Optional.empty());

        Ack2 ack2 = initiator.onAck(ack);

        assertThat(ack2.states()).extracting(EndpointState::nodeId).containsExactly("i");
        assertThat(ack2.ring()).isEmpty();
    }

    @Test
    void should_ignore_gossip_about_itself() {
        GossipState a = gossipState("a", 5);
        change(a, 2);

        assertThat(a.apply(endpoint("a", 9))).isFalse();
        Ack ack = a.onSyn(new Syn("b", CLUSTER, 1, false, 0, List.of(new GossipDigest("a", 9, 100)), 0, ""));

        assertThat(a.localState().generation()).isEqualTo(5);
        assertThat(ack.digests()).isEmpty();
    }

    @Test
    void should_reject_a_syn_from_another_cluster() {
        GossipState a = gossipState("a", 1);
        Syn foreign = new Syn("b", "other-cluster", 1, false, 0, List.of(), 0, "");

        assertThatThrownBy(() -> a.onSyn(foreign))
                .isInstanceOf(GossipRejectedException.class)
                .hasMessageContaining("other-cluster");
    }

    @Test
    void should_tell_the_observer_about_every_state_it_takes() {
        List<String> applied = new ArrayList<>();
        GossipState a = new GossipState(CLUSTER, endpoint("a", 1), new GossipState.Observer() {
            @Override
            public void stateApplied(EndpointState previous, EndpointState current) {
                applied.add((previous == null ? "new" : "v" + previous.version()) + "->v" + current.version());
            }
        });
        GossipState b = gossipState("b", 1);

        exchange(a, b);
        change(b, 2);
        exchange(a, b);
        exchange(a, b);

        assertThat(applied).containsExactly("new->v1", "v1->v3");
    }

    @Test
    void should_bump_the_version_when_the_local_status_changes() {
        GossipState a = gossipState("a", 1);
        GossipState b = gossipState("b", 1);
        exchange(a, b);

        a.updateLocalStatus(NodeState.LEAVING);
        exchange(b, a);

        assertThat(a.localState().version()).isEqualTo(2);
        assertThat(b.state("a").status()).isEqualTo(NodeState.LEAVING);
    }

    @Test
    void should_pull_a_newer_ring_and_push_its_own_to_a_peer_without_one() {
        RingRegister ring = register(3, "a");
        GossipState a = gossipState("a", 1);
        GossipState b = gossipState("b", 1);
        GossipState c = gossipState("c", 1);
        a.offerRing(ring);

        exchange(b, a); // b pulls through the ack
        exchange(a, c); // c answers with NONE, a pushes through the ack2

        assertThat(b.ring()).isEqualTo(ring);
        assertThat(c.ring()).isEqualTo(ring);
    }

    @Test
    void should_not_send_the_ring_when_both_hold_the_same_version() {
        GossipState a = gossipState("a", 1);
        GossipState b = gossipState("b", 1);
        a.offerRing(register(2, "a"));
        b.offerRing(register(2, "a"));

        Ack ack = b.onSyn(a.makeSyn("b", false));

        assertThat(ack.ring()).isEmpty();
        assertThat(a.onAck(ack).ring()).isEmpty();
    }

    @Test
    void should_keep_the_highest_ring_register_whatever_order_it_is_offered_in() {
        for (long seed = 1; seed <= 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            List<RingRegister> registers = randomRegisters(random, 1 + random.nextInt(12));
            RingRegister highest = highest(registers);
            GossipState state = gossipState("a", 1);

            for (RingRegister register : shuffled(registers, random)) {
                state.offerRing(register);
            }

            assertThat(state.ring()).as("seed %d", seed).isEqualTo(highest);
        }
    }

    @Test
    void should_spread_the_highest_ring_register_to_every_node_whatever_order_gossip_takes() {
        for (long seed = 1; seed <= 100; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int nodeCount = 2 + random.nextInt(5);
            List<GossipState> nodes = new ArrayList<>();
            for (int i = 0; i < nodeCount; i++) {
                nodes.add(gossipState("n" + i, 1));
            }
            List<RingRegister> registers = randomRegisters(random, 1 + random.nextInt(8));
            List<RingRegister> pending = shuffled(registers, random);
            // Proposals land on random nodes, interleaved with random exchanges.
            while (!pending.isEmpty()) {
                if (random.nextBoolean()) {
                    nodes.get(random.nextInt(nodeCount)).offerRing(pending.remove(pending.size() - 1));
                }
                int from = random.nextInt(nodeCount);
                int to = (from + 1 + random.nextInt(nodeCount - 1)) % nodeCount;
                exchange(nodes.get(from), nodes.get(to));
            }
            for (int round = 0; round < 2; round++) {
                for (GossipState initiator : nodes) {
                    for (GossipState receiver : nodes) {
                        if (initiator != receiver) {
                            exchange(initiator, receiver);
                        }
                    }
                }
            }

            RingRegister highest = highest(registers);
            for (GossipState node : nodes) {
                assertThat(node.ring())
                        .as("seed %d, node %s", seed, node.localState().nodeId())
                        .isEqualTo(highest);
            }
        }
    }

    @Test
    void should_compare_ring_registers_by_epoch_then_proposer_and_copy_the_payload() {
        byte[] payload = {1, 2, 3};
        RingRegister register = new RingRegister(4, "b", payload);
        payload[0] = 9;
        register.payload()[1] = 9;

        assertThat(register.payload()).containsExactly(1, 2, 3);
        assertThat(register).isEqualTo(new RingRegister(4, "b", new byte[] {1, 2, 3}));
        assertThat(register.supersedes(register(4, "a"))).isTrue();
        assertThat(register.supersedes(register(5, "a"))).isFalse();
        assertThat(register.supersedes(register)).isFalse();
        assertThat(register(1, "a").supersedes(RingRegister.NONE)).isTrue();
        assertThat(RingRegister.NONE.isNone()).isTrue();
    }

    /** A register whose payload is determined by its version, as the contract requires. */
    static RingRegister register(long epoch, String proposer) {
        return new RingRegister(epoch, proposer, (epoch + "@" + proposer).getBytes(StandardCharsets.UTF_8));
    }

    private static List<RingRegister> randomRegisters(SplittableRandom random, int count) {
        List<RingRegister> registers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            registers.add(register(1 + random.nextInt(4), "n" + random.nextInt(4)));
        }
        return registers;
    }

    private static RingRegister highest(List<RingRegister> registers) {
        return registers.stream()
                .max(Comparator.comparingLong(RingRegister::epoch).thenComparing(RingRegister::proposer))
                .orElseThrow();
    }

    private static <T> List<T> shuffled(List<T> items, SplittableRandom random) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swapped = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swapped);
        }
        return copy;
    }
}
