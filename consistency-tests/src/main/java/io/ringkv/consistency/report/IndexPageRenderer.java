package io.ringkv.consistency.report;

import io.ringkv.consistency.checker.CheckResult;
import io.ringkv.consistency.checker.CheckResultFormatter;
import io.ringkv.consistency.checker.ConvergenceResult;
import io.ringkv.consistency.checker.RegisterModel;
import io.ringkv.consistency.checker.SetCheckResult;
import io.ringkv.consistency.checker.Verdict;
import io.ringkv.consistency.history.EdnPrinter;
import io.ringkv.consistency.history.Keyword;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code index.html}, the page a person opens first: the run's verdict in large letters, each
 * result with its own verdict and text report, availability and latency tables, the fault intervals,
 * the latency plots, and links to every other file of the report.
 */
public final class IndexPageRenderer {

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 24px; color: #222; max-width: 1100px; }
            .verdict { font-size: 2em; font-weight: bold; padding: 12px 20px; border-radius: 6px; display: inline-block; }
            .valid { background: #d4f7d4; color: #145214; }
            .invalid { background: #ffd6d6; color: #8a1010; }
            .unknown { background: #fff1c2; color: #6b5200; }
            .badge { padding: 1px 8px; border-radius: 4px; font-weight: bold; }
            table { border-collapse: collapse; margin: 8px 0 16px; }
            th, td { border: 1px solid #ccc; padding: 3px 10px; text-align: right; }
            th:first-child, td:first-child, td.text { text-align: left; }
            pre { background: #f6f6f6; padding: 8px; overflow-x: auto; }
            img { max-width: 100%; border: 1px solid #ddd; }
            """;

    private IndexPageRenderer() {}

    /**
     * The summary page.
     *
     * @param summary the run
     * @param verdict the run's overall verdict
     * @param operations the run's operations
     * @param availability the availability rows
     * @param latency the latency summaries
     * @param plotFiles the file names of the latency plots ({@code latency-read.png}, {@code
     *     latency-read.svg}), in the folder of the page
     */
    public static String render(
            RunSummary summary,
            Verdict verdict,
            List<TimedOperation> operations,
            List<AvailabilityRow> availability,
            List<LatencySummary> latency,
            List<String> plotFiles) {
        StringBuilder html = new StringBuilder();
        String title = Html.escape(summary.testName());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(title)
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>")
                .append(title)
                .append("</h1>\n<p class=\"verdict ")
                .append(cssClass(verdict))
                .append("\" id=\"verdict\">")
                .append(verdictText(verdict))
                .append("</p>\n<p>seed ")
                .append(summary.seed())
                .append(" · ")
                .append(operations.size())
                .append(" operations · ")
                .append(summary.faults().size())
                .append(" fault intervals</p>\n");
        html.append("<p><a href=\"timeline.html\">timeline</a> · <a href=\"history.edn\">history.edn</a> · ")
                .append("<a href=\"results.edn\">results.edn</a> · <a href=\"results.json\">results.json</a></p>\n");
        appendResults(html, summary.results());
        appendAvailability(html, availability);
        appendLatency(html, latency);
        appendFaults(html, summary.faults());
        appendPlots(html, plotFiles);
        return html.append("</body>\n</html>\n").toString();
    }

    private static void appendResults(StringBuilder html, Map<String, Object> results) {
        html.append("<h2>Results</h2>\n");
        Map<String, Object> scalars = new LinkedHashMap<>();
        boolean anyDetailed = false;
        for (Map.Entry<String, Object> entry : results.entrySet()) {
            // The explicit verdict is the banner at the top; repeating it here would add nothing.
            if (entry.getKey().equals(ResultValues.VALID.name())) {
                continue;
            }
            Verdict verdict = ResultValues.verdictOf(entry.getValue());
            if (verdict == null && isScalar(entry.getValue())) {
                scalars.put(entry.getKey(), entry.getValue());
                continue;
            }
            anyDetailed = true;
            html.append("<h3>").append(Html.escape(entry.getKey()));
            if (verdict != null) {
                html.append(" <span class=\"badge ")
                        .append(cssClass(verdict))
                        .append("\">")
                        .append(verdictText(verdict))
                        .append("</span>");
            }
            html.append("</h3>\n<pre>")
                    .append(Html.escape(describe(entry.getValue())))
                    .append("</pre>\n");
        }
        if (!scalars.isEmpty()) {
            html.append("<table id=\"parameters\">\n");
            scalars.forEach((name, value) -> html.append("<tr><td>")
                    .append(Html.escape(name))
                    .append("</td><td class=\"text\">")
                    .append(Html.escape(describe(value)))
                    .append("</td></tr>\n"));
            html.append("</table>\n");
        }
        if (!anyDetailed && scalars.isEmpty()) {
            html.append("<p>No results were recorded.</p>\n");
        }
    }

    /** Values short enough for one table cell: shown in the parameter table rather than a section. */
    private static boolean isScalar(Object value) {
        return value == null
                || value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Keyword
                || value instanceof Enum<?>;
    }

    /** The text shown for one result. */
    static String describe(Object value) {
        if (value instanceof CheckResult result) {
            // As in ResultValues: the model only prints states, which all models print as EDN.
            return CheckResultFormatter.format(result, RegisterModel.create());
        }
        if (value instanceof SetCheckResult result) {
            return result.describe();
        }
        if (value instanceof ConvergenceResult result) {
            return result.summary();
        }
        if (value instanceof String text) {
            return text;
        }
        return EdnPrinter.print(ResultValues.toPlain(value));
    }

    private static void appendAvailability(StringBuilder html, List<AvailabilityRow> rows) {
        html.append("<h2>Availability</h2>\n<p>Fraction of invocations acknowledged (<code>:ok</code>); an ")
                .append("operation belongs to the window in which it was invoked.</p>\n")
                .append("<table id=\"availability\">\n<tr><th>f</th><th>window</th><th>invoked</th><th>:ok</th>")
                .append("<th>:fail</th><th>:info</th><th>acknowledged</th></tr>\n");
        for (AvailabilityRow row : rows) {
            html.append("<tr><td>:")
                    .append(Html.escape(row.f()))
                    .append("</td><td class=\"text\">")
                    .append(Html.escape(row.window()))
                    .append("</td><td>")
                    .append(row.invocations())
                    .append("</td><td>")
                    .append(row.acknowledged())
                    .append("</td><td>")
                    .append(row.failed())
                    .append("</td><td>")
                    .append(row.indeterminate())
                    .append("</td><td>")
                    .append(percent(row.acknowledgedFraction()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void appendLatency(StringBuilder html, List<LatencySummary> summaries) {
        html.append("<h2>Latency of acknowledged operations</h2>\n<table id=\"latency\">\n")
                .append("<tr><th>f</th><th>count</th><th>p50</th><th>p95</th><th>p99</th><th>max</th></tr>\n");
        for (LatencySummary latency : summaries) {
            html.append("<tr><td>:")
                    .append(Html.escape(latency.f()))
                    .append("</td><td>")
                    .append(latency.count())
                    .append("</td><td>")
                    .append(Html.millis(latency.p50Nanos()))
                    .append("</td><td>")
                    .append(Html.millis(latency.p95Nanos()))
                    .append("</td><td>")
                    .append(Html.millis(latency.p99Nanos()))
                    .append("</td><td>")
                    .append(Html.millis(latency.maxNanos()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void appendFaults(StringBuilder html, List<FaultInterval> faults) {
        html.append("<h2>Faults</h2>\n");
        if (faults.isEmpty()) {
            html.append("<p>No faults were injected.</p>\n");
            return;
        }
        html.append("<table id=\"faults\">\n<tr><th>#</th><th>fault</th><th>start</th><th>end</th>")
                .append("<th>duration</th></tr>\n");
        for (int number = 1; number <= faults.size(); number++) {
            FaultInterval fault = faults.get(number - 1);
            html.append("<tr><td>")
                    .append(number)
                    .append("</td><td class=\"text\">")
                    .append(Html.escape(fault.label()))
                    .append("</td><td>")
                    .append(Html.seconds(fault.startNanos()))
                    .append("</td><td>")
                    .append(Html.seconds(fault.endNanos()))
                    .append("</td><td>")
                    .append(Html.seconds(fault.durationNanos()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void appendPlots(StringBuilder html, List<String> plotFiles) {
        html.append("<h2>Latency over time</h2>\n");
        for (String file : plotFiles) {
            if (!file.endsWith(".png")) {
                continue;
            }
            String svg = file.substring(0, file.length() - ".png".length()) + ".svg";
            html.append("<p><img src=\"")
                    .append(Html.escape(file))
                    .append("\" alt=\"")
                    .append(Html.escape(file))
                    .append("\">");
            if (plotFiles.contains(svg)) {
                html.append("<br><a href=\"")
                        .append(Html.escape(svg))
                        .append("\">")
                        .append(Html.escape(svg))
                        .append("</a>");
            }
            html.append("</p>\n");
        }
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    private static String cssClass(Verdict verdict) {
        return verdict.name().toLowerCase(Locale.ROOT);
    }

    private static String verdictText(Verdict verdict) {
        return switch (verdict) {
            case VALID -> "VALID";
            case INVALID -> "INVALID";
            case UNKNOWN -> "UNKNOWN";
        };
    }
}
