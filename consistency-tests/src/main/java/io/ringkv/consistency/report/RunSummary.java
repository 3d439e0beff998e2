package io.ringkv.consistency.report;

import io.ringkv.consistency.history.History;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a finished run hands to {@link RunReportWriter}.
 *
 * <p>The {@code results} map holds the checkers' verdicts and anything else worth keeping, in the
 * order it should be shown. Values may be {@link io.ringkv.consistency.checker.CheckResult}, {@link
 * io.ringkv.consistency.checker.SetCheckResult}, {@link io.ringkv.consistency.checker.ConvergenceResult},
 * a {@link io.ringkv.consistency.checker.Verdict}, other records, strings, numbers, booleans, lists or
 * maps; {@link ResultValues} describes how each is written. The run's overall verdict combines the
 * verdicts found among the values, unless the map has an explicit {@code "valid?"} entry, which then
 * wins (a run that expects an anomaly sets it).
 *
 * @param testName the test's name, shown as the report's title
 * @param seed the seed every random choice of the run derived from
 * @param history the whole history, nemesis operations included
 * @param faults the fault intervals, on the history's {@code :time} clock
 * @param results checker verdicts and other named results, in display order; {@code null} values are
 *     allowed
 */
public record RunSummary(
        String testName, long seed, History history, List<FaultInterval> faults, Map<String, Object> results) {

    public RunSummary {
        Objects.requireNonNull(testName, "testName");
        Objects.requireNonNull(history, "history");
        faults = List.copyOf(faults);
        // LinkedHashMap rather than Map.copyOf: keeps the caller's order and allows null values.
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }
}
