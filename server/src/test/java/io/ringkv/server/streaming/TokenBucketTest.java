package io.ringkv.server.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void should_let_a_burst_pass_and_then_hold_the_rate() {
        TokenBucket bucket = new TokenBucket(clock, 1_000, 100);

        assertThat(bucket.take(100)).isZero();
        assertThat(bucket.take(500)).isEqualTo(Duration.ofMillis(500).toNanos());
    }

    @Test
    void should_refill_with_time_but_never_beyond_the_burst() {
        TokenBucket bucket = new TokenBucket(clock, 1_000, 100);
        bucket.take(100);

        clock.advance(Duration.ofMillis(50));
        assertThat(bucket.take(50)).isZero();
        clock.advance(Duration.ofSeconds(10));
        assertThat(bucket.take(100)).isZero();
        assertThat(bucket.take(1)).isEqualTo(Duration.ofMillis(1).toNanos());
    }

    @Test
    void should_average_to_the_budget_when_callers_wait_as_told() {
        TokenBucket bucket = new TokenBucket(clock, 20_000, 2_000);
        long start = clock.nanoTime();
        long moved = 0;
        for (int chunk = 0; chunk < 200; chunk++) {
            long wait = bucket.take(1_000);
            moved += 1_000;
            clock.advanceNanos(wait);
        }

        double seconds = (clock.nanoTime() - start) / 1e9;
        // 200 kB at 20 kB/s: ten seconds, less the initial burst of 2 kB (0.1 s).
        assertThat(moved / seconds).isBetween(19_000.0, 20_300.0);
    }
}
