package io.ringkv.benchmarks.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders {@link LoadSummary}s: the plain-text table printed at the end of a run, and the markdown
 * table {@code run-cluster.sh} prints for {@code docs/benchmarks.md}. Numbers use a fixed locale so
 * output does not depend on the machine's settings.
 */
public final class SummaryFormatter {

    private SummaryFormatter() {}

    /** The end-of-run report of one run. */
    public static String text(LoadSummary summary) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%s workload %s, %s keys (%s), %d-byte values, client %s, routing %s, %s, R=%s W=%s%n",
                summary.label().isEmpty() ? "run:" : summary.label() + ":",
                summary.workload(),
                grouped(summary.keys()),
                summary.distribution(),
                summary.valueBytes(),
                summary.client(),
                summary.routing(),
                summary.concurrency(),
                quorum(summary.readQuorum()),
                quorum(summary.writeQuorum())));
        out.append(String.format(
                Locale.ROOT,
                "measured %.1f s from %s: %s ops/s, %s failed%n",
                summary.seconds(),
                summary.startedAt(),
                grouped(Math.round(summary.throughput())),
                grouped(summary.failures())));
        out.append(String.format(
                Locale.ROOT,
                "%-7s %12s %10s %9s %9s %9s %9s %9s %9s%n",
                "op",
                "count",
                "ops/s",
                "mean ms",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "p99.9 ms",
                "max ms"));
        for (OperationStats stats : summary.operations()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-7s %12s %10s %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f%n",
                    stats.operation(),
                    grouped(stats.count()),
                    grouped(Math.round(stats.opsPerSecond())),
                    stats.meanMillis(),
                    stats.p50Millis(),
                    stats.p90Millis(),
                    stats.p99Millis(),
                    stats.p999Millis(),
                    stats.maxMillis()));
        }
        out.append("errors: ").append(errors(summary.errors())).append(System.lineSeparator());
        out.append(String.format(
                Locale.ROOT,
                "reads with siblings: %s, reads not found: %s%n",
                grouped(summary.readsWithSiblings()),
                grouped(summary.readsNotFound())));
        out.append("server counters during the run (sum over nodes): ")
                .append(summary.serverCounters().isEmpty() ? "unavailable" : counters(summary.serverCounters()))
                .append(System.lineSeparator());
        out.append("load average before: ")
                .append(summary.loadAverageBefore())
                .append(", after: ")
                .append(summary.loadAverageAfter())
                .append(System.lineSeparator());
        return out.toString();
    }

    /** A markdown table with one row per run, for docs/benchmarks.md. */
    public static String markdown(List<LoadSummary> summaries) {
        StringBuilder out = new StringBuilder();
        out.append("| set-up | workload | client | routing | ops/s | read p50 / p99 / p99.9 ms"
                + " | update p50 / p99 / p99.9 ms | max ms | failed | forwarded | load avg before → after |\n");
        out.append("| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (LoadSummary summary : summaries) {
            OperationStats all = summary.operation("all");
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s | %.1f | %s | %s | %s → %s |%n",
                    summary.label(),
                    summary.workload(),
                    summary.client(),
                    summary.routing(),
                    grouped(Math.round(summary.throughput())),
                    percentiles(summary.operation("read")),
                    percentiles(summary.operation("update")),
                    all == null ? 0.0 : all.maxMillis(),
                    grouped(summary.failures()),
                    summary.forwardedRequests() < 0 ? "?" : grouped(summary.forwardedRequests()),
                    firstFigure(summary.loadAverageBefore()),
                    firstFigure(summary.loadAverageAfter())));
        }
        return out.toString();
    }

    private static String percentiles(OperationStats stats) {
        if (stats == null || stats.count() == 0) {
            return "–";
        }
        return String.format(
                Locale.ROOT, "%.2f / %.2f / %.2f", stats.p50Millis(), stats.p99Millis(), stats.p999Millis());
    }

    private static String errors(Map<String, Long> errors) {
        if (errors.isEmpty()) {
            return "none";
        }
        return new TreeMap<>(errors)
                .entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + grouped(entry.getValue()))
                        .collect(Collectors.joining(", "));
    }

    private static String counters(Map<String, Long> counters) {
        return new TreeMap<>(counters)
                .entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + grouped(entry.getValue()))
                        .collect(Collectors.joining(", "));
    }

    private static String quorum(int value) {
        return value == 0 ? "default" : Integer.toString(value);
    }

    /** The 1-minute figure of a "1m 5m 15m" load average. */
    private static String firstFigure(String loadAverage) {
        int space = loadAverage.indexOf(' ');
        return space < 0 ? loadAverage : loadAverage.substring(0, space);
    }

    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
