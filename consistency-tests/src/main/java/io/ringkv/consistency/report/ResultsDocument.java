package io.ringkv.consistency.report;

import io.ringkv.consistency.checker.Verdict;
import io.ringkv.consistency.history.Keyword;
import io.ringkv.consistency.history.OpType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the content of {@code results.edn} and {@code results.json}: the run's verdict first (as
 * Jepsen's {@code :valid?}), then the test's name and seed, every named result, availability, latency
 * percentiles, the fault intervals and operation counts. The content is plain data as {@link
 * ResultValues} defines it, so that both formats carry exactly the same information.
 */
public final class ResultsDocument {

    private ResultsDocument() {}

    /** The document for one run; {@code operations}, rows and summaries computed from its history. */
    public static Map<Object, Object> build(
            RunSummary summary,
            List<TimedOperation> operations,
            List<AvailabilityRow> availability,
            List<LatencySummary> latency) {
        Map<Object, Object> document = new LinkedHashMap<>();
        Verdict verdict = ResultValues.overallVerdict(summary.results());
        document.put(ResultValues.VALID, ResultValues.verdictValue(verdict));
        document.put(Keyword.of("test"), summary.testName());
        document.put(Keyword.of("seed"), summary.seed());
        Map<Object, Object> results = new LinkedHashMap<>();
        summary.results().forEach((name, value) -> {
            // An explicit verdict is the document's own :valid?; it is not repeated among the results.
            if (!name.equals(ResultValues.VALID.name())) {
                results.put(ResultValues.resultKey(name), ResultValues.toPlain(value));
            }
        });
        document.put(Keyword.of("results"), results);
        document.put(Keyword.of("operations"), operationCounts(operations));
        document.put(Keyword.of("availability"), availabilityRows(availability));
        document.put(Keyword.of("latency"), latencySummaries(latency));
        document.put(Keyword.of("faults"), ResultValues.toPlain(summary.faults()));
        return document;
    }

    private static Map<Object, Object> operationCounts(List<TimedOperation> operations) {
        Map<Object, Object> counts = new LinkedHashMap<>();
        counts.put(Keyword.of("invocations"), (long) operations.size());
        for (OpType outcome : List.of(OpType.OK, OpType.FAIL, OpType.INFO)) {
            long count = operations.stream()
                    .filter(operation -> operation.outcome() == outcome)
                    .count();
            counts.put(Keyword.of(outcome.keywordName()), count);
        }
        return counts;
    }

    private static List<Object> availabilityRows(List<AvailabilityRow> rows) {
        List<Object> plain = new ArrayList<>();
        for (AvailabilityRow row : rows) {
            Map<Object, Object> entry = new LinkedHashMap<>();
            entry.put(Keyword.of("f"), Keyword.of(row.f()));
            entry.put(Keyword.of("window"), row.window());
            entry.put(Keyword.of("invocations"), row.invocations());
            entry.put(Keyword.of("acknowledged"), row.acknowledged());
            entry.put(Keyword.of("failed"), row.failed());
            entry.put(Keyword.of("indeterminate"), row.indeterminate());
            entry.put(Keyword.of("acknowledged-fraction"), ResultValues.toPlain(row.acknowledgedFraction()));
            plain.add(entry);
        }
        return plain;
    }

    private static List<Object> latencySummaries(List<LatencySummary> summaries) {
        List<Object> plain = new ArrayList<>();
        for (LatencySummary latency : summaries) {
            Map<Object, Object> entry = new LinkedHashMap<>();
            entry.put(Keyword.of("f"), Keyword.of(latency.f()));
            entry.put(Keyword.of("ok-count"), latency.count());
            entry.put(Keyword.of("p50-nanos"), latency.p50Nanos());
            entry.put(Keyword.of("p95-nanos"), latency.p95Nanos());
            entry.put(Keyword.of("p99-nanos"), latency.p99Nanos());
            entry.put(Keyword.of("max-nanos"), latency.maxNanos());
            plain.add(entry);
        }
        return plain;
    }
}
