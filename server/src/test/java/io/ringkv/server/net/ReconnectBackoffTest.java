package io.ringkv.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    private static final long SEED = 7L;
    private static final long MIN_NANOS = Duration.ofMillis(50).toNanos();
    private static final long MAX_NANOS = Duration.ofSeconds(2).toNanos();

    private final ReconnectBackoff backoff =
            new ReconnectBackoff(Duration.ofMillis(50), Duration.ofSeconds(2), new SplittableRandom(SEED));

    @Test
    void should_stay_between_half_the_doubled_delay_and_the_doubled_delay() {
        for (int failures = 1; failures <= 12; failures++) {
            long ceiling = Math.min(MAX_NANOS, MIN_NANOS << (failures - 1));
            for (int draw = 0; draw < 200; draw++) {
                assertThat(backoff.delayNanos(failures))
                        .as("failures %d, draw %d, seed %d", failures, draw, SEED)
                        .isBetween(Math.max(MIN_NANOS, ceiling / 2), ceiling);
            }
        }
    }

    @Test
    void should_wait_exactly_the_minimum_after_the_first_failure_when_half_of_it_is_below_the_minimum() {
        assertThat(backoff.delayNanos(1)).isEqualTo(MIN_NANOS);
    }

    @Test
    void should_cap_at_the_maximum_even_after_very_many_failures() {
        for (int failures : new int[] {7, 40, 64, 65, Integer.MAX_VALUE}) {
            assertThat(backoff.delayNanos(failures)).as("failures %d", failures).isBetween(MAX_NANOS / 2, MAX_NANOS);
        }
    }

    @Test
    void should_spread_delays_so_that_peers_do_not_retry_in_lockstep() {
        long distinct = java.util.stream.IntStream.range(0, 100)
                .mapToLong(draw -> backoff.delayNanos(6))
                .distinct()
                .count();

        assertThat(distinct).as("seed %d", SEED).isGreaterThan(90);
    }

    @Test
    void should_refuse_a_failure_count_below_one() {
        assertThatThrownBy(() -> backoff.delayNanos(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
