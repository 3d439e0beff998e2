package io.ringkv.client.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingPoliciesTest {

    private static final List<String> REPLICAS = List.of("a", "b", "c");

    private final FakeHealth health = new FakeHealth();

    @Test
    void default_policy_should_keep_preference_order_with_unusable_nodes_last() {
        assertThat(DefaultRoutingPolicy.INSTANCE.plan(RequestKind.WRITE, REPLICAS, health))
                .containsExactly("a", "b", "c");

        health.down.add("a");

        assertThat(DefaultRoutingPolicy.INSTANCE.plan(RequestKind.READ, REPLICAS, health))
                .containsExactly("b", "c", "a");
    }

    @Test
    void latency_aware_policy_should_send_reads_to_a_clearly_faster_replica() {
        health.latency.put("a", 10_000_000L);
        health.latency.put("b", 1_000_000L);
        health.latency.put("c", 9_000_000L);
        LatencyAwareRoutingPolicy policy = new LatencyAwareRoutingPolicy(1.5);

        assertThat(policy.plan(RequestKind.READ, REPLICAS, health)).containsExactly("b", "a", "c");
        assertThat(policy.plan(RequestKind.WRITE, REPLICAS, health)).containsExactly("a", "b", "c");
    }

    @Test
    void latency_aware_policy_should_not_move_reads_for_a_small_difference_or_to_unusable_nodes() {
        health.latency.put("a", 10_000_000L);
        health.latency.put("b", 8_000_000L);
        health.latency.put("c", 1_000_000L);
        health.down.add("c");
        LatencyAwareRoutingPolicy policy = new LatencyAwareRoutingPolicy(1.5);

        assertThat(policy.plan(RequestKind.READ, REPLICAS, health)).containsExactly("a", "b", "c");
    }

    @Test
    void latency_aware_policy_should_probe_replicas_without_samples() {
        health.latency.put("a", 10_000_000L);

        assertThat(new LatencyAwareRoutingPolicy()
                        .plan(RequestKind.READ, REPLICAS, health)
                        .get(0))
                .isEqualTo("b");
    }

    @Test
    void latency_aware_policy_should_reject_a_ratio_below_one() {
        assertThatThrownBy(() -> new LatencyAwareRoutingPolicy(0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constant_speculative_policy_should_stop_after_its_extra_requests() {
        ConstantSpeculativeReadPolicy policy = new ConstantSpeculativeReadPolicy(java.time.Duration.ofMillis(5), 2);

        assertThat(policy.nextDelayNanos(1)).isEqualTo(5_000_000L);
        assertThat(policy.nextDelayNanos(2)).isEqualTo(5_000_000L);
        assertThat(policy.nextDelayNanos(3)).isNegative();
        assertThat(SpeculativeReadPolicy.NONE.nextDelayNanos(1)).isNegative();
    }

    private static final class FakeHealth implements ReplicaHealth {
        final Set<String> down = new HashSet<>();
        final Map<String, Long> latency = new HashMap<>();

        @Override
        public boolean isUsable(String nodeId) {
            return !down.contains(nodeId);
        }

        @Override
        public long latencyNanos(String nodeId) {
            return latency.getOrDefault(nodeId, -1L);
        }
    }
}
