package io.ringkv.server.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.ring.NodeState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PeerSelectorTest {

    private final Map<String, EndpointState> states = new HashMap<>();

    private EndpointState known(String nodeId, NodeState status) {
        EndpointState state = EndpointState.initial(nodeId, 1, nodeId, 7000, 0, "", status, 1);
        states.put(nodeId, state);
        return state;
    }

    @Test
    void should_contact_a_seed_when_no_peer_is_live() {
        PeerSelector selector = new PeerSelector(2, List.of(new PeerAddress("seed", 7000)), new SplittableRandom(1));

        List<PeerAddress> targets = selector.targets(new IndexedPeerSet(), new IndexedPeerSet(), states::get);

        assertThat(targets).containsExactly(new PeerAddress("seed", 7000));
    }

    @Test
    void should_pick_distinct_live_peers_up_to_the_fanout() {
        IndexedPeerSet live = new IndexedPeerSet();
        for (int i = 0; i < 100; i++) {
            live.add(known("n" + i, NodeState.NORMAL).nodeId());
        }
        SplittableRandom random = new SplittableRandom(3);
        PeerSelector selector = new PeerSelector(3, List.of(), random);

        for (int round = 0; round < 1_000; round++) {
            List<PeerAddress> targets = selector.targets(live, new IndexedPeerSet(), states::get);
            assertThat(targets).hasSize(3).doesNotHaveDuplicates();
        }
    }

    @Test
    void should_probe_unreachable_peers_but_never_one_that_left() {
        IndexedPeerSet live = new IndexedPeerSet();
        live.add(known("up", NodeState.NORMAL).nodeId());
        IndexedPeerSet unreachable = new IndexedPeerSet();
        unreachable.add(known("gone", NodeState.LEFT).nodeId());
        unreachable.add(known("crashed", NodeState.NORMAL).nodeId());
        PeerSelector selector = new PeerSelector(1, List.of(), new SplittableRandom(5));

        Set<PeerAddress> contacted = new HashSet<>();
        for (int round = 0; round < 200; round++) {
            contacted.addAll(selector.targets(live, unreachable, states::get));
        }

        assertThat(contacted).containsExactlyInAnyOrder(new PeerAddress("up", 7000), new PeerAddress("crashed", 7000));
    }

    @Test
    void should_keep_an_indexed_set_equal_to_a_plain_set_under_random_changes() {
        for (long seed = 1; seed <= 10; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            IndexedPeerSet indexed = new IndexedPeerSet();
            Set<String> model = new HashSet<>();
            for (int step = 0; step < 1_000; step++) {
                String id = "n" + random.nextInt(50);
                if (random.nextBoolean()) {
                    assertThat(indexed.add(id)).as("seed %d add %s", seed, id).isEqualTo(model.add(id));
                } else {
                    assertThat(indexed.remove(id))
                            .as("seed %d remove %s", seed, id)
                            .isEqualTo(model.remove(id));
                }
                assertThat(indexed.size()).as("seed %d", seed).isEqualTo(model.size());
                if (!model.isEmpty()) {
                    int count = 1 + random.nextInt(4);
                    List<String> picked = indexed.pickDistinct(count, random);
                    assertThat(picked)
                            .as("seed %d", seed)
                            .hasSize(Math.min(count, model.size()))
                            .doesNotHaveDuplicates();
                    assertThat(model).as("seed %d", seed).containsAll(picked);
                    assertThat(model).as("seed %d", seed).contains(indexed.pickOne(random));
                }
            }
        }
    }
}
