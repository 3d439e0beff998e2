package io.ringkv.server.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MonitoringRingTest {

    @Test
    void should_give_every_member_min_2k_or_n_minus_1_distinct_neighbours_symmetrically() {
        SplittableRandom random = new SplittableRandom(17);
        for (int trial = 0; trial < 200; trial++) {
            int k = 1 + random.nextInt(4);
            MonitoringRing ring = new MonitoringRing(k);
            List<String> members = new ArrayList<>();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                String id = "n" + random.nextInt(1_000);
                if (ring.add(id)) {
                    members.add(id);
                }
            }
            // Churn: a few leave, so the ring is not only built by additions.
            for (int i = 0; i < members.size() / 4; i++) {
                ring.remove(members.remove(random.nextInt(members.size())));
            }
            for (String member : members) {
                Set<String> neighbours = ring.neighbours(member);
                assertThat(neighbours)
                        .as("trial %d, k=%d, n=%d: neighbours of %s", trial, k, members.size(), member)
                        .hasSize(Math.min(2 * k, members.size() - 1))
                        .doesNotContain(member)
                        .isSubsetOf(members);
                assertThat(ring.successors(member)).hasSize(Math.min(k, members.size() - 1));
                assertThat(neighbours).containsAll(ring.successors(member));
                for (String neighbour : neighbours) {
                    assertThat(ring.neighbours(neighbour))
                            .as("trial %d: %s watches %s, so it is watched back", trial, member, neighbour)
                            .contains(member);
                }
            }
        }
    }

    @Test
    void should_watch_all_to_all_up_to_2k_plus_1_members_and_give_the_same_answer_on_every_node() {
        MonitoringRing small = new MonitoringRing(3);
        MonitoringRing sameMembersOtherOrder = new MonitoringRing(3);
        List<String> ids = List.of("n1", "n2", "n3", "n4", "n5", "n6", "n7");
        ids.forEach(small::add);
        for (int i = ids.size() - 1; i >= 0; i--) {
            sameMembersOtherOrder.add(ids.get(i));
        }

        for (String id : ids) {
            Set<String> others = new HashSet<>(ids);
            others.remove(id);
            assertThat(small.neighbours(id)).isEqualTo(others);
            assertThat(sameMembersOtherOrder.successors(id)).isEqualTo(small.successors(id));
        }
        small.add("n8");
        assertThat(small.neighbours("n1")).hasSize(6);
        assertThat(small.neighbours("not-a-member")).isEmpty();
    }
}
