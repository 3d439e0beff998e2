package io.ringkv.consistency.report;

import io.ringkv.consistency.checker.Verdict;
import io.ringkv.consistency.history.EdnHistoryWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the report folder of one run:
 *
 * <ul>
 *   <li>{@code history.edn}: the history, in Jepsen's format;
 *   <li>{@code results.edn} and {@code results.json}: the verdict, every result, availability, latency
 *       percentiles and the fault intervals (see {@link ResultsDocument});
 *   <li>{@code timeline.html}: every operation per process over time, faults shaded;
 *   <li>{@code latency-<f>.png} (and {@code .svg} for smaller runs): latency over time per function,
 *       faults shaded;
 *   <li>{@code index.html}: the summary page linking all of the above.
 * </ul>
 *
 * <p>Existing files of the same names are replaced; other files in the folder are left alone. The
 * writer holds no state, so one instance may serve several runs, also concurrently.
 */
public final class RunReportWriter {

    /** The file name of the summary page, which {@link #write} returns. */
    public static final String INDEX_FILE = "index.html";

    /**
     * Writes the report of {@code summary} into {@code runDir}, creating the folder when needed.
     *
     * @return the path of {@code index.html}
     * @throws IOException when a file cannot be written
     * @throws io.ringkv.consistency.history.HistoryFormatException when the history cannot be paired
     *     (a completion without invocation); {@code history.edn} is written all the same
     */
    public Path write(Path runDir, RunSummary summary) throws IOException {
        Files.createDirectories(runDir);
        // The history goes first: should anything below fail, the evidence of the run is already safe.
        writeHistory(runDir.resolve("history.edn"), summary);
        List<TimedOperation> operations = TimedOperations.of(summary.history());
        long endNanos = TimedOperations.endNanos(summary.history());
        List<AvailabilityRow> availability = AvailabilityCalculator.compute(operations, summary.faults());
        List<LatencySeries> series = LatencySeries.byFunction(operations);
        List<LatencySummary> latency = LatencySummary.of(series);
        Verdict verdict = ResultValues.overallVerdict(summary.results());

        Map<Object, Object> document = ResultsDocument.build(summary, operations, availability, latency);
        writeText(runDir.resolve("results.edn"), ResultsEncoder.toEdn(document));
        writeText(runDir.resolve("results.json"), ResultsEncoder.toJson(document));
        writeText(
                runDir.resolve("timeline.html"),
                TimelineRenderer.render(summary.testName(), operations, summary.faults(), endNanos));
        List<String> plotFiles = LatencyPlotter.write(runDir, series, summary.faults()).stream()
                .map(file -> file.getFileName().toString())
                .toList();
        Path index = runDir.resolve(INDEX_FILE);
        writeText(index, IndexPageRenderer.render(summary, verdict, operations, availability, latency, plotFiles));
        return index;
    }

    private static void writeHistory(Path file, RunSummary summary) throws IOException {
        try {
            EdnHistoryWriter.write(summary.history(), file);
        } catch (UncheckedIOException e) {
            // The history writer reports I/O problems unchecked; this method's contract is IOException.
            throw e.getCause();
        }
    }

    private static void writeText(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
