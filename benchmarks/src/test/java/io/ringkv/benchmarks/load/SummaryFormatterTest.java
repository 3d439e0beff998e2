package io.ringkv.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryFormatterTest {

    private static LoadSummary summary(String routing, Map<String, Long> errors, Map<String, Long> counters) {
        return new LoadSummary(
                "rocksdb",
                "2026-11-25T11:00:00Z",
                "A",
                "uniform",
                100_000,
                1024,
                "sdk",
                routing,
                "64 in flight",
                2,
                2,
                20.0,
                12_345.4,
                List.of(
                        new OperationStats("read", 123_450, 6_172.5, 1.1, 1.0, 2.0, 4.5, 9.25, 30.0),
                        new OperationStats("update", 123_458, 6_172.9, 1.3, 1.2, 2.5, 5.75, 12.0, 41.5),
                        new OperationStats("all", 246_908, 12_345.4, 1.2, 1.1, 2.2, 5.0, 10.5, 41.5)),
                errors.values().stream().mapToLong(Long::longValue).sum(),
                errors,
                17,
                0,
                counters,
                "1.50 1.20 0.90",
                "1.80 1.30 0.95");
    }

    @Test
    void should_print_a_row_per_operation_with_its_percentiles() {
        String text = SummaryFormatter.text(summary("token", Map.of(), Map.of("forwarded_requests", 0L)));

        assertThat(text)
                .contains("rocksdb: workload A, 100,000 keys (uniform), 1024-byte values, client sdk, routing token,"
                        + " 64 in flight, R=2 W=2")
                .contains("measured 20.0 s from 2026-11-25T11:00:00Z: 12,345 ops/s, 0 failed")
                .contains("read         123,450      6,173      1.10      1.00      2.00      4.50      9.25     30.00")
                .contains("update       123,458      6,173      1.30      1.20      2.50      5.75     12.00     41.50")
                .contains("errors: none")
                .contains("reads with siblings: 17, reads not found: 0")
                .contains("server counters during the run (sum over nodes): forwarded_requests=0")
                .contains("load average before: 1.50 1.20 0.90, after: 1.80 1.30 0.95");
    }

    @Test
    void should_list_errors_by_label_and_say_when_counters_are_missing() {
        String text = SummaryFormatter.text(
                summary("random", Map.of("TIMEOUT", 3L, "client:CONNECTION_LOST", 1_200L), Map.of()));

        assertThat(text)
                .contains("1,203 failed")
                .contains("errors: TIMEOUT=3, client:CONNECTION_LOST=1,200")
                .contains("server counters during the run (sum over nodes): unavailable");
    }

    @Test
    void should_render_one_markdown_row_per_run() {
        String table = SummaryFormatter.markdown(List.of(
                summary("token", Map.of(), Map.of("forwarded_requests", 0L)),
                summary("random", Map.of("TIMEOUT", 2L), Map.of())));

        assertThat(table.lines().toList())
                .containsExactly(
                        "| set-up | workload | client | routing | ops/s | read p50 / p99 / p99.9 ms"
                                + " | update p50 / p99 / p99.9 ms | max ms | failed | forwarded | load avg before → after |",
                        "| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
                        "| rocksdb | A | sdk | token | 12,345 | 1.00 / 4.50 / 9.25 | 1.20 / 5.75 / 12.00 | 41.5 | 0 | 0"
                                + " | 1.50 → 1.80 |",
                        "| rocksdb | A | sdk | random | 12,345 | 1.00 / 4.50 / 9.25 | 1.20 / 5.75 / 12.00 | 41.5 | 2 | ?"
                                + " | 1.50 → 1.80 |");
    }
}
