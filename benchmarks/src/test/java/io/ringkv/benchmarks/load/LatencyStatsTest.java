package io.ringkv.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void should_move_recorded_latencies_into_the_totals_on_drain() {
        LatencyStats stats = new LatencyStats();
        for (int i = 1; i <= 100; i++) {
            stats.recordSuccess(OperationType.READ, i * 1_000_000L);
        }
        stats.recordSuccess(OperationType.UPDATE, 500_000L);

        assertThat(stats.total(OperationType.READ).getTotalCount()).isZero();
        assertThat(stats.drain()).isEqualTo(101);
        assertThat(stats.drain()).isZero();

        OperationStats reads = OperationStats.of("read", stats.total(OperationType.READ), 10.0);
        assertThat(reads.count()).isEqualTo(100);
        assertThat(reads.opsPerSecond()).isEqualTo(10.0);
        assertThat(reads.p50Millis()).isBetween(49.9, 50.1);
        assertThat(reads.p99Millis()).isBetween(98.9, 99.1);
        assertThat(reads.maxMillis()).isBetween(99.9, 100.1);
        assertThat(stats.totalOfAll().getTotalCount()).isEqualTo(101);
    }

    @Test
    void should_count_failures_by_label_and_what_reads_found() {
        LatencyStats stats = new LatencyStats();
        stats.recordFailure("TIMEOUT");
        stats.recordFailure("TIMEOUT");
        stats.recordFailure("client:CONNECTION_LOST");
        stats.recordRead(new ReadOutcome(false, 0, new byte[0]));
        stats.recordRead(new ReadOutcome(true, 2, new byte[] {1}));
        stats.recordRead(new ReadOutcome(true, 1, new byte[] {1}));

        assertThat(stats.failureCount()).isEqualTo(3);
        assertThat(stats.errors()).isEqualTo(Map.of("TIMEOUT", 2L, "client:CONNECTION_LOST", 1L));
        assertThat(stats.readsNotFound()).isEqualTo(1);
        assertThat(stats.readsWithSiblings()).isEqualTo(1);
    }
}
