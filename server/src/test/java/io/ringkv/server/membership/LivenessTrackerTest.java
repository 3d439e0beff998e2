package io.ringkv.server.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.ring.NodeState;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LivenessTrackerTest {

    private static final long SECOND = 1_000_000_000L;

    private final Map<String, EndpointState> states = new HashMap<>();
    private final LivenessTracker tracker = new LivenessTracker(
            "self",
            3,
            new PhiAccrualFailureDetector(FailureDetectorConfig.DEFAULTS),
            MembershipListener.NONE,
            states::get);

    private void learn(String nodeId) {
        EndpointState state = EndpointState.initial(nodeId, 1, nodeId, 7000, 0, "", NodeState.NORMAL, 1);
        states.put(nodeId, state);
        tracker.stateApplied(null, state, 0);
    }

    @Test
    void should_count_a_neighbours_message_as_a_heartbeat_only_when_its_counter_is_newer() {
        learn("peer");
        tracker.heardFrom("peer", 1, 5, 0);
        assertThat(tracker.isAlive("peer")).isTrue();

        // A late copy of an old message keeps arriving; it must not keep a silent peer alive.
        for (long at = SECOND / 5; at <= 10 * SECOND; at += SECOND / 5) {
            tracker.heardFrom("peer", 1, 5, at);
            tracker.checkLiveness(at);
        }

        assertThat(tracker.isAlive("peer")).isFalse();
        assertThat(tracker.convicted()).containsExactly("peer");
        tracker.heardFrom("peer", 1, 6, 10 * SECOND);
        assertThat(tracker.isAlive("peer")).isTrue();
        assertThat(tracker.convicted()).isEmpty();
    }

    @Test
    void should_ignore_messages_of_a_run_whose_state_has_not_arrived_yet() {
        learn("peer");

        tracker.heardFrom("peer", 2, 1, 0);

        assertThat(tracker.isAlive("peer")).isFalse();
    }
}
