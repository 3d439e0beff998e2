package io.ringkv.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.protocol.message.RingAssignment;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RingLayoutTest {

    @Test
    void should_give_the_first_node_every_partition() {
        RingLayout layout = RingLayout.initial("n1", 64, 3);

        assertThat(layout.members()).containsExactly("n1");
        assertThat(layout.owners()).containsOnly("n1").hasSize(64);
    }

    @Test
    void should_add_and_remove_members_moving_only_some_partitions() {
        RingLayout three = RingLayout.initial("n1", 256, 3).withMember("n2").withMember("n3");
        RingLayout four = three.withMember("n4");

        assertThat(four.members()).containsExactly("n1", "n2", "n3", "n4");
        long moved = countDifferences(three.owners(), four.owners());
        assertThat(moved).isPositive().isLessThanOrEqualTo(256 / 4 + 1);
        assertThat(four.withMember("n4")).isEqualTo(four);
        assertThat(four.withoutMember("n4").owners()).doesNotContain("n4");
        assertThat(RingLayout.initial("n1", 16, 3).withoutMember("n1").members())
                .containsExactly("n1");
    }

    @Test
    void should_round_trip_through_the_register_payload_and_the_wire() {
        RingLayout layout = RingLayout.initial("a", 128, 2).withMember("b").withMember("c");

        assertThat(RingLayout.fromPayload(layout.toPayload())).isEqualTo(layout);
        RingAssignment wire = layout.toWire(7, "c");
        assertThat(wire.epoch()).isEqualTo(7);
        assertThat(wire.proposer()).isEqualTo("c");
        assertThat(RingLayout.fromWire(wire)).isEqualTo(layout);
    }

    @Test
    void should_reject_truncated_corrupt_and_inconsistent_payloads() {
        byte[] payload = RingLayout.initial("a", 32, 3).withMember("b").toPayload();
        SplittableRandom random = new SplittableRandom(42);
        for (int cut = 0; cut < payload.length; cut++) {
            byte[] truncated = Arrays.copyOf(payload, cut);
            assertThatThrownBy(() -> RingLayout.fromPayload(truncated)).isInstanceOf(IllegalArgumentException.class);
        }
        for (int i = 0; i < 500; i++) {
            byte[] corrupt = payload.clone();
            corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
            try {
                RingLayout decoded = RingLayout.fromPayload(corrupt);
                assertThat(decoded.owners()).hasSize(decoded.partitionCount());
            } catch (IllegalArgumentException rejected) {
                assertThat(rejected).hasMessageNotContaining("NullPointer");
            }
        }
        RingAssignment badIndex = new RingAssignment(1, "a", 2, 1, List.of("a"), new int[] {0, 1}, new int[0]);
        assertThatThrownBy(() -> RingLayout.fromWire(badIndex)).isInstanceOf(IllegalArgumentException.class);
    }

    private static long countDifferences(String[] before, String[] after) {
        long moved = 0;
        for (int p = 0; p < before.length; p++) {
            if (!before[p].equals(after[p])) {
                moved++;
            }
        }
        return moved;
    }
}
