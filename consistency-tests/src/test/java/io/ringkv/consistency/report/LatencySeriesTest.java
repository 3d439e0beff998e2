package io.ringkv.consistency.report;

import static io.ringkv.consistency.report.TimedHistory.millis;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.OpType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySeriesTest {

    @Test
    void should_make_one_series_per_function_with_a_point_per_completed_operation() {
        History history = new TimedHistory()
                .invoke(0, "write", 1L, 0)
                .invoke(1, "read", null, 1)
                .ok(1, "read", 1L, 4)
                .ok(0, "write", 1L, 10)
                .invoke(1, "read", null, 20)
                .info(1, "read", null, 520, "timeout")
                .invoke(2, "add", 5L, 30)
                .fail(2, "add", 5L, 32, "unavailable")
                .invoke(3, "read", null, 40)
                .build();

        List<LatencySeries> series = LatencySeries.byFunction(TimedOperations.of(history));

        assertThat(series).extracting(LatencySeries::f).containsExactly("add", "read", "write");
        assertThat(series.get(0).points()).containsExactly(new LatencyPoint(millis(30), millis(2), OpType.FAIL));
        assertThat(series.get(1).points())
                .containsExactly(
                        new LatencyPoint(millis(1), millis(3), OpType.OK),
                        new LatencyPoint(millis(20), millis(500), OpType.INFO));
        assertThat(series.get(1).pointsWith(OpType.INFO)).hasSize(1);
        assertThat(series.get(2).points()).containsExactly(new LatencyPoint(0, millis(10), OpType.OK));
    }

    @Test
    void should_summarize_acknowledged_latencies_with_nearest_rank_percentiles() {
        List<LatencyPoint> points = new ArrayList<>();
        for (long latency = 1; latency <= 100; latency++) {
            points.add(new LatencyPoint(latency, latency, OpType.OK));
        }
        // Failed and indeterminate operations do not count, however slow.
        points.add(new LatencyPoint(0, 1_000_000, OpType.INFO));
        points.add(new LatencyPoint(0, 2_000_000, OpType.FAIL));

        LatencySummary summary = LatencySummary.of(new LatencySeries("read", points));

        assertThat(summary).isEqualTo(new LatencySummary("read", 100, 50, 95, 99, 100));
    }

    @Test
    void should_pick_real_values_for_small_samples_and_zeros_for_none() {
        List<LatencyPoint> three = List.of(
                new LatencyPoint(0, 30, OpType.OK),
                new LatencyPoint(1, 10, OpType.OK),
                new LatencyPoint(2, 20, OpType.OK));

        assertThat(LatencySummary.of(new LatencySeries("write", three)))
                .isEqualTo(new LatencySummary("write", 3, 20, 30, 30, 30));
        assertThat(LatencySummary.of(new LatencySeries("write", List.of())))
                .isEqualTo(new LatencySummary("write", 0, 0, 0, 0, 0));
    }
}
