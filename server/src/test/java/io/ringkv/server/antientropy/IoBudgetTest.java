package io.ringkv.server.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IoBudgetTest {

    private final ManualClock clock = new ManualClock();
    /** Pausing advances the manual clock, as a real sleep lets real time pass. */
    private final IoBudget budget = new IoBudget(1_000, clock, clock::advanceNanos);

    @Test
    void should_not_pause_while_the_bucket_holds_enough() throws InterruptedException {
        budget.spend(600);
        budget.spend(400);
        assertThat(budget.pausedNanos()).isZero();
    }

    @Test
    void should_pause_until_the_debt_is_paid_at_the_configured_rate() throws InterruptedException {
        budget.spend(1_000);
        budget.spend(500);
        assertThat(budget.pausedNanos()).isEqualTo(Duration.ofMillis(500).toNanos());
        budget.spend(2_000);
        assertThat(budget.pausedNanos()).isEqualTo(Duration.ofMillis(2_500).toNanos());
    }

    @Test
    void should_hold_at_most_one_second_of_budget_after_an_idle_period() throws InterruptedException {
        budget.spend(1_000);
        clock.advance(Duration.ofSeconds(10));
        budget.spend(1_000);
        assertThat(budget.pausedNanos()).isZero();
        budget.spend(100);
        assertThat(budget.pausedNanos()).isEqualTo(Duration.ofMillis(100).toNanos());
    }

    @Test
    void should_sustain_about_the_configured_rate_over_many_small_spends() throws InterruptedException {
        long start = clock.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            budget.spend(50);
        }
        double seconds = (clock.nanoTime() - start) / 1e9;
        // 50,000 bytes at 1,000 B/s with a 1,000-byte head start: 49 s.
        assertThat(seconds).isBetween(48.9, 49.1);
    }
}
