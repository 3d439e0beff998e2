package io.ringkv.benchmarks.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RumorSpreadModelTest {

    @Test
    void should_give_the_same_rounds_for_the_same_seed() {
        ModelledPropagation first = ModelledPropagation.run(200, 11, NetworkConditions.LAN, 3);
        ModelledPropagation second = ModelledPropagation.run(200, 11, NetworkConditions.LAN, 3);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void should_grow_like_log_n_and_detect_deaths_after_the_conviction_delay() {
        double small =
                mean(ModelledPropagation.run(16, 3, NetworkConditions.LAN, 8).joinRounds());
        ModelledPropagation large = ModelledPropagation.run(2_048, 3, NetworkConditions.LAN, 8);

        assertThat(mean(large.joinRounds()) / small)
                .as("128 times the nodes; log n grows by a factor of 2.75")
                .isLessThan(4.0);
        // Conviction needs about 1.72 s (8.6 rounds) of silence after the last heartbeat arrived.
        assertThat(mean(large.deathRounds())).isBetween(8.6, 8.6 + mean(large.joinRounds()) + 3);
    }

    @Test
    void should_need_more_rounds_when_messages_are_lost() {
        double lossless =
                mean(ModelledPropagation.run(500, 5, NetworkConditions.LAN, 8).joinRounds());
        double lossy = mean(ModelledPropagation.run(500, 5, NetworkConditions.LAN.withLossRate(0.3), 8)
                .joinRounds());

        assertThat(lossy).isGreaterThan(lossless);
    }

    private static double mean(List<Double> values) {
        return MembershipResult.mean(values);
    }
}
