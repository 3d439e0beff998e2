package io.ringkv.client.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeHealthTrackerTest {

    private final NodeHealthTracker tracker = new NodeHealthTracker();

    @Test
    void should_smooth_latency_toward_recent_samples() {
        assertThat(tracker.latencyNanos("n1")).isNegative();

        tracker.recordLatency("n1", 8_000);
        assertThat(tracker.latencyNanos("n1")).isEqualTo(8_000);
        for (int i = 0; i < 100; i++) {
            tracker.recordLatency("n1", 800);
        }

        assertThat(tracker.latencyNanos("n1")).isBetween(800L, 900L);
    }

    @Test
    void should_mark_a_node_unreachable_until_a_connection_opens() {
        assertThat(tracker.isReachable("n1")).isTrue();

        tracker.connectFailed("n1");
        assertThat(tracker.isReachable("n1")).isFalse();

        tracker.connected("n1");
        assertThat(tracker.isReachable("n1")).isTrue();
    }
}
