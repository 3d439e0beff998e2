package io.ringkv.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void should_take_nearest_rank_median_and_p99() {
        long[] latencies = new long[100];
        for (int i = 0; i < latencies.length; i++) {
            latencies[latencies.length - 1 - i] = (i + 1) * 1_000_000L;
        }

        LatencySummary summary = LatencySummary.of(latencies);

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.medianNanos()).isEqualTo(50_000_000L);
        assertThat(summary.p99Nanos()).isEqualTo(99_000_000L);
        assertThat(summary.medianMillis()).isEqualTo(50.0);
    }

    @Test
    void should_use_the_only_value_for_both_ranks() {
        LatencySummary summary = LatencySummary.of(new long[] {1_500_000L});

        assertThat(summary.medianNanos()).isEqualTo(1_500_000L);
        assertThat(summary.p99Millis()).isEqualTo(1.5);
    }

    @Test
    void should_refuse_an_empty_measurement() {
        assertThatThrownBy(() -> LatencySummary.of(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
