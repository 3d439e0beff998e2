package io.ringkv.client.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExponentialReconnectionPolicyTest {

    private static final long SEED = 1234L;

    @Test
    void should_double_the_ceiling_and_jitter_below_it_up_to_the_maximum() {
        ExponentialReconnectionPolicy policy =
                new ExponentialReconnectionPolicy(Duration.ofMillis(100), Duration.ofSeconds(10), SEED);

        for (int attempt = 1; attempt <= 200; attempt++) {
            long ceiling = Math.min(10_000_000_000L, 100_000_000L << Math.min(attempt - 1, 30));
            assertThat(policy.delayNanos(attempt))
                    .as("attempt %d, seed %d", attempt, SEED)
                    .isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void should_repeat_its_delays_for_the_same_seed() {
        ExponentialReconnectionPolicy first =
                new ExponentialReconnectionPolicy(Duration.ofMillis(1), Duration.ofSeconds(1), SEED);
        ExponentialReconnectionPolicy second =
                new ExponentialReconnectionPolicy(Duration.ofMillis(1), Duration.ofSeconds(1), SEED);

        for (int attempt = 1; attempt < 20; attempt++) {
            assertThat(first.delayNanos(attempt)).isEqualTo(second.delayNanos(attempt));
        }
    }
}
