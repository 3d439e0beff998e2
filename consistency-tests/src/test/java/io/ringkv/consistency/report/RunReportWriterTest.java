package io.ringkv.consistency.report;

import static io.ringkv.consistency.report.TimedHistory.millis;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringkv.consistency.checker.CheckResult;
import io.ringkv.consistency.checker.LinearizabilityChecker;
import io.ringkv.consistency.checker.RegisterModel;
import io.ringkv.consistency.checker.SetCheckResult;
import io.ringkv.consistency.checker.Verdict;
import io.ringkv.consistency.history.EdnHistoryReader;
import io.ringkv.consistency.history.EdnValues;
import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.Keyword;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportWriterTest {

    @TempDir
    Path runDir;

    /** A register run with a stale read during a partition: the checker finds it invalid. */
    private static History staleReadHistory() {
        return new TimedHistory()
                .invoke(0, "write", 1L, 0)
                .ok(0, "write", 1L, 10)
                .nemesis("start-partition", Keyword.of("majority"), 20)
                .invoke(1, "write", 2L, 30)
                .ok(1, "write", 2L, 40)
                .invoke(2, "read", null, 50)
                .ok(2, "read", 1L, 60)
                .invoke(0, "write", 3L, 70)
                .info(0, "write", 3L, 170, "timeout")
                .nemesis("stop-partition", null, 200)
                .invoke(1, "read", null, 210)
                .ok(1, "read", 2L, 215)
                .invoke(2, "write", 4L, 220)
                .fail(2, "write", 4L, 225, "unavailable")
                .build();
    }

    private RunSummary summary(History history) {
        CheckResult linearizable = new LinearizabilityChecker(RegisterModel.create()).check(history);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("linearizable", linearizable);
        results.put("note", "hand-made history");
        return new RunSummary(
                "register-partition",
                42L,
                history,
                List.of(new FaultInterval("partition majority", millis(20), millis(200))),
                results);
    }

    @Test
    void should_write_every_file_and_return_the_index() throws IOException {
        Path index = new RunReportWriter().write(runDir, summary(staleReadHistory()));

        assertThat(index).isEqualTo(runDir.resolve("index.html"));
        assertThat(runDir.resolve("history.edn")).isRegularFile();
        assertThat(runDir.resolve("results.edn")).isRegularFile();
        assertThat(runDir.resolve("results.json")).isRegularFile();
        assertThat(runDir.resolve("timeline.html")).isRegularFile();
        assertThat(runDir.resolve("latency-read.png")).isRegularFile();
        assertThat(runDir.resolve("latency-read.svg")).isRegularFile();
        assertThat(runDir.resolve("latency-write.png")).isRegularFile();
        assertThat(runDir.resolve("latency-write.svg")).isRegularFile();
    }

    @Test
    void should_write_a_history_that_reads_back_to_the_same_history() throws IOException {
        History history = staleReadHistory();
        new RunReportWriter().write(runDir, summary(history));

        assertThat(EdnHistoryReader.read(runDir.resolve("history.edn"))).isEqualTo(history);
    }

    @Test
    void should_write_json_results_with_the_verdict_and_availability() throws IOException {
        new RunReportWriter().write(runDir, summary(staleReadHistory()));

        JsonNode json = new ObjectMapper().readTree(runDir.resolve("results.json").toFile());
        assertThat(json.get("valid?").asBoolean()).isFalse();
        assertThat(json.get("test").asText()).isEqualTo("register-partition");
        assertThat(json.get("seed").asLong()).isEqualTo(42L);
        assertThat(json.at("/results/linearizable/valid?").asBoolean()).isFalse();
        assertThat(json.at("/results/linearizable/model").asText()).isEqualTo("register");
        assertThat(json.at("/results/linearizable/report").asText()).startsWith("INVALID");
        assertThat(json.at("/results/note").asText()).isEqualTo("hand-made history");
        assertThat(json.at("/operations/invocations").asLong()).isEqualTo(6);
        assertThat(json.at("/operations/info").asLong()).isEqualTo(1);
        // Writes: 1 outside (ok); inside the partition 2 (one ok, one info); 1 after it (fail).
        JsonNode writesInside = row(json, "write", AvailabilityCalculator.INSIDE_FAULTS);
        assertThat(writesInside.get("invocations").asLong()).isEqualTo(2);
        assertThat(writesInside.get("acknowledged-fraction").asDouble()).isEqualTo(0.5);
        JsonNode writesOutside = row(json, "write", AvailabilityCalculator.OUTSIDE_FAULTS);
        assertThat(writesOutside.get("invocations").asLong()).isEqualTo(2);
        assertThat(writesOutside.get("acknowledged").asLong()).isEqualTo(1);
        assertThat(writesOutside.get("failed").asLong()).isEqualTo(1);
        JsonNode readsInside = row(json, "read", AvailabilityCalculator.INSIDE_FAULTS);
        assertThat(readsInside.get("acknowledged-fraction").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/faults/0/label").asText()).isEqualTo("partition majority");
        assertThat(json.at("/faults/0/start-nanos").asLong()).isEqualTo(millis(20));
    }

    private static JsonNode row(JsonNode json, String f, String window) {
        for (JsonNode row : json.get("availability")) {
            if (row.get("f").asText().equals(f) && row.get("window").asText().equals(window)) {
                return row;
            }
        }
        throw new AssertionError("no availability row for " + f + " " + window + " in " + json);
    }

    @Test
    void should_write_edn_results_that_clojure_reads() throws IOException {
        new RunReportWriter().write(runDir, summary(staleReadHistory()));

        Object parsed = EdnValues.parse(Files.readString(runDir.resolve("results.edn")));
        assertThat(parsed).isInstanceOf(Map.class);
        Map<?, ?> results = (Map<?, ?>) parsed;
        assertThat(results.get(Keyword.of("valid?"))).isEqualTo(false);
        assertThat(results.get(Keyword.of("seed"))).isEqualTo(42L);
        Map<?, ?> linearizable = (Map<?, ?>) ((Map<?, ?>) results.get(Keyword.of("results"))).get(Keyword.of("linearizable"));
        assertThat(linearizable.get(Keyword.of("valid?"))).isEqualTo(false);
    }

    @Test
    void should_write_png_plots_that_decode_as_images() throws IOException {
        new RunReportWriter().write(runDir, summary(staleReadHistory()));

        BufferedImage image = ImageIO.read(runDir.resolve("latency-write.png").toFile());
        assertThat(image.getWidth()).isEqualTo(LatencyPlotter.WIDTH);
        assertThat(image.getHeight()).isEqualTo(LatencyPlotter.HEIGHT);
        assertThat(Files.readString(runDir.resolve("latency-write.svg"))).contains("<svg");
    }

    @Test
    void should_show_the_verdict_and_link_every_file_on_the_index_page() throws IOException {
        Path index = new RunReportWriter().write(runDir, summary(staleReadHistory()));

        String html = Files.readString(index);
        assertThat(html).contains("<p class=\"verdict invalid\" id=\"verdict\">INVALID</p>");
        assertThat(html)
                .contains(
                        "href=\"timeline.html\"",
                        "href=\"history.edn\"",
                        "href=\"results.edn\"",
                        "href=\"results.json\"",
                        "src=\"latency-read.png\"",
                        "src=\"latency-write.png\"");
        assertThat(html).contains("can&#39;t read 1 from register 2");
    }

    @Test
    void should_let_an_explicit_verdict_override_the_checkers() throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("valid?", true);
        results.put("set", new SetCheckResult(Verdict.INVALID, 3, 3, 2, List.of(3L), List.of(), List.of(), List.of(), null));
        RunSummary expectedAnomaly = new RunSummary("lww-set", 7L, staleReadHistory(), List.of(), results);

        new RunReportWriter().write(runDir, expectedAnomaly);

        JsonNode json = new ObjectMapper().readTree(runDir.resolve("results.json").toFile());
        assertThat(json.get("valid?").asBoolean()).isTrue();
        assertThat(json.at("/results/set/valid?").asBoolean()).isFalse();
        assertThat(json.at("/results/set/lost-count").asLong()).isEqualTo(1);
        assertThat(json.at("/results/set/lost/0").asLong()).isEqualTo(3);
    }

    @Test
    void should_create_the_run_folder_and_handle_an_empty_history() throws IOException {
        Path nested = runDir.resolve("runs").resolve("empty");

        Path index = new RunReportWriter().write(nested, new RunSummary("empty", 1L, History.empty(), List.of(), Map.of()));

        assertThat(index).isRegularFile();
        JsonNode json = new ObjectMapper().readTree(nested.resolve("results.json").toFile());
        assertThat(json.get("valid?").asText()).isEqualTo("unknown");
        assertThat(json.get("availability")).isEmpty();
        assertThat(Files.readString(nested.resolve("timeline.html"))).doesNotContain("class=\"lane\"");
    }
}
