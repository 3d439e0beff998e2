package io.ringkv.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.client.policy.ReplicaHealth;
import io.ringkv.client.policy.RequestKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplicaOffsetRoutingPolicyTest {

    private static final List<String> PREFERENCE_LIST = List.of("n1", "n2", "n3");

    @Test
    void should_start_at_the_offset_and_wrap_around() {
        ReplicaOffsetRoutingPolicy policy = new ReplicaOffsetRoutingPolicy(1);

        assertThat(policy.plan(RequestKind.WRITE, PREFERENCE_LIST, healthWithDown(Set.of())))
                .containsExactly("n2", "n3", "n1");
    }

    @Test
    void should_keep_preference_order_with_offset_zero() {
        ReplicaOffsetRoutingPolicy policy = new ReplicaOffsetRoutingPolicy(0);

        assertThat(policy.plan(RequestKind.READ, PREFERENCE_LIST, healthWithDown(Set.of())))
                .isEqualTo(PREFERENCE_LIST);
    }

    @Test
    void should_move_unusable_replicas_to_the_end() {
        ReplicaOffsetRoutingPolicy policy = new ReplicaOffsetRoutingPolicy(1);

        assertThat(policy.plan(RequestKind.READ, PREFERENCE_LIST, healthWithDown(Set.of("n2"))))
                .containsExactly("n3", "n1", "n2");
    }

    @Test
    void should_wrap_an_offset_larger_than_the_list() {
        ReplicaOffsetRoutingPolicy policy = new ReplicaOffsetRoutingPolicy(4);

        assertThat(policy.plan(RequestKind.WRITE, PREFERENCE_LIST, healthWithDown(Set.of())))
                .containsExactly("n2", "n3", "n1");
    }

    @Test
    void should_refuse_a_negative_offset() {
        assertThatThrownBy(() -> new ReplicaOffsetRoutingPolicy(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ReplicaHealth healthWithDown(Set<String> down) {
        return new ReplicaHealth() {
            @Override
            public boolean isUsable(String nodeId) {
                return !down.contains(nodeId);
            }

            @Override
            public long latencyNanos(String nodeId) {
                return 0;
            }
        };
    }
}
