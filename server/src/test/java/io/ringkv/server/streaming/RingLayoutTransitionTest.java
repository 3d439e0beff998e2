package io.ringkv.server.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.protocol.message.RingAssignment;
import io.ringkv.server.cluster.RingLayout;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RingLayoutTransitionTest {

    @Test
    void should_add_a_joiner_as_a_member_owning_nothing_until_the_transition_completes() {
        RingLayout three = TestRings.grown(256, 3, 3);

        RingLayout pending = three.withPendingJoin("n4");

        assertThat(pending.members()).containsExactly("n1", "n2", "n3", "n4");
        assertThat(pending.owners()).isEqualTo(three.owners());
        assertThat(pending.ownsPartitions("n4")).isFalse();
        assertThat(pending.hasPendingOwners()).isTrue();
        assertThat(pending.next()).isEqualTo(three.withMember("n4"));
        long moving =
                Arrays.stream(pending.pendingOwners()).filter("n4"::equals).count();
        assertThat(moving).isEqualTo(256 / 4);
        assertThat(pending.pendingOwner(firstPending(pending))).contains("n4");
    }

    @Test
    void should_drop_a_leaving_member_only_from_the_next_layout() {
        RingLayout four = TestRings.grown(128, 3, 4);

        RingLayout pending = four.withPendingLeave("n2");

        assertThat(pending.members()).containsExactly("n1", "n2", "n3", "n4");
        assertThat(pending.ownsPartitions("n2")).isTrue();
        assertThat(pending.next().members()).containsExactly("n1", "n3", "n4");
        assertThat(pending.next()).isEqualTo(four.withoutMember("n2"));
        assertThat(pending.next().hasPendingOwners()).isFalse();
    }

    @Test
    void should_allow_one_transition_at_a_time() {
        RingLayout pending = TestRings.grown(64, 3, 3).withPendingJoin("n4");

        assertThatThrownBy(() -> pending.withPendingJoin("n5")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pending.withPendingLeave("n1")).isInstanceOf(IllegalStateException.class);
        assertThat(pending.next().withPendingJoin("n5").hasPendingOwners()).isTrue();
    }

    @Test
    void should_round_trip_pending_owners_through_the_payload_and_the_wire() {
        RingLayout pending = TestRings.grown(128, 2, 3).withPendingJoin("n4");

        assertThat(RingLayout.fromPayload(pending.toPayload())).isEqualTo(pending);
        RingAssignment wire = pending.toWire(9, "n4");
        assertThat(wire.pendingOwners()).hasSize(128).contains(RingAssignment.NO_PENDING_OWNER);
        assertThat(RingLayout.fromWire(wire)).isEqualTo(pending);
        RingLayout settled = pending.next();
        assertThat(settled.toWire(10, "n4").pendingOwners()).isEmpty();
        assertThat(RingLayout.fromPayload(settled.toPayload())).isEqualTo(settled);
    }

    private static int firstPending(RingLayout layout) {
        String[] pending = layout.pendingOwners();
        for (int p = 0; p < pending.length; p++) {
            if (pending[p] != null) {
                return p;
            }
        }
        throw new AssertionError("no pending owner");
    }
}
