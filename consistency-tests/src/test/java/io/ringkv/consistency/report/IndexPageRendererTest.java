package io.ringkv.consistency.report;

import static io.ringkv.consistency.report.TimedHistory.millis;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.consistency.checker.SetCheckResult;
import io.ringkv.consistency.checker.Verdict;
import io.ringkv.consistency.history.History;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexPageRendererTest {

    private static String render(Verdict verdict, Map<String, Object> results, List<String> plotFiles) {
        History history = new TimedHistory()
                .invoke(0, "add", 1L, 0)
                .ok(0, "add", 1L, 2)
                .invoke(0, "add", 2L, 15)
                .fail(0, "add", 2L, 16, "unavailable")
                .build();
        List<FaultInterval> faults = List.of(new FaultInterval("kill [n1 & n2]", millis(10), millis(20)));
        RunSummary summary = new RunSummary("set <adds>", 99L, history, faults, results);
        List<TimedOperation> operations = TimedOperations.of(history);
        List<AvailabilityRow> availability = AvailabilityCalculator.compute(operations, faults);
        List<LatencySummary> latency = LatencySummary.of(LatencySeries.byFunction(operations));
        return IndexPageRenderer.render(summary, verdict, operations, availability, latency, plotFiles);
    }

    @Test
    void should_show_the_verdict_prominently_and_each_result_with_its_own() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put(
                "set", new SetCheckResult(Verdict.VALID, 1, 1, 1, List.of(), List.of(), List.of(), List.of(), null));
        results.put("comment", "LWW variant: losses expected");
        results.put("nodes", 5);

        String html = render(Verdict.VALID, results, List.of());

        assertThat(html).contains("<p class=\"verdict valid\" id=\"verdict\">VALID</p>");
        assertThat(html).contains("<h3>set <span class=\"badge valid\">VALID</span></h3>");
        assertThat(html).contains("<pre>VALID: set\n");
        assertThat(html).contains("<tr><td>comment</td><td class=\"text\">LWW variant: losses expected</td></tr>");
        assertThat(html).contains("<tr><td>nodes</td><td class=\"text\">5</td></tr>");
        assertThat(html).contains("<title>set &lt;adds&gt;</title>", "seed 99");
    }

    @Test
    void should_not_repeat_the_explicit_verdict_among_the_results() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("valid?", Verdict.VALID);
        results.put("workload", "register");

        String html = render(Verdict.VALID, results, List.of());

        assertThat(html).doesNotContain("<td>valid?</td>").doesNotContain("<h3>valid?");
        assertThat(html).contains("<tr><td>workload</td><td class=\"text\">register</td></tr>");
    }

    @Test
    void should_tabulate_availability_latency_and_faults() {
        String html = render(Verdict.INVALID, Map.of(), List.of());

        assertThat(html).contains("<p class=\"verdict invalid\" id=\"verdict\">INVALID</p>");
        assertThat(html)
                .contains(
                        "<tr><td>:add</td><td class=\"text\">inside faults</td><td>1</td><td>0</td><td>1</td><td>0</td><td>0.0 %</td></tr>");
        assertThat(html)
                .contains(
                        "<tr><td>:add</td><td class=\"text\">outside faults</td><td>1</td><td>1</td><td>0</td><td>0</td><td>100.0 %</td></tr>");
        assertThat(html).contains("<tr><td>:add</td><td>1</td><td>2.000 ms</td>");
        assertThat(html)
                .contains("<td class=\"text\">kill [n1 &amp; n2]</td><td>0.010 s</td><td>0.020 s</td><td>0.010 s</td>");
        assertThat(html).contains("No results were recorded.");
    }

    @Test
    void should_embed_each_png_and_link_its_svg_only_when_written() {
        String html =
                render(Verdict.UNKNOWN, Map.of(), List.of("latency-add.png", "latency-add.svg", "latency-read.png"));

        assertThat(html).contains("<p class=\"verdict unknown\" id=\"verdict\">UNKNOWN</p>");
        assertThat(html)
                .contains("<img src=\"latency-add.png\" alt=\"latency-add.png\"><br><a href=\"latency-add.svg\">");
        assertThat(html).contains("<img src=\"latency-read.png\" alt=\"latency-read.png\"></p>");
        assertThat(html).doesNotContain("latency-read.svg");
    }
}
