package io.ringkv.consistency.report;

import static io.ringkv.consistency.report.TimedHistory.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringkv.consistency.checker.SetCheckResult;
import io.ringkv.consistency.checker.Verdict;
import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.HistoryFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportWriterTest {

    /** The stale-read run's report, written once: rendering plots is the slow part of these tests. */
    @TempDir
    static Path sharedRunDir;

    private static Path staleReadIndex;

    @TempDir
    Path runDir;

    @BeforeAll
    static void writeStaleReadReport() throws IOException {
        staleReadIndex = new RunReportWriter().write(sharedRunDir, StaleReadRun.summary());
    }

    @Test
    void should_write_every_file_and_return_the_index() throws IOException {
        assertThat(staleReadIndex).isEqualTo(sharedRunDir.resolve("index.html"));
        assertThat(sharedRunDir.resolve("history.edn")).isRegularFile();
        assertThat(sharedRunDir.resolve("results.edn")).isRegularFile();
        assertThat(sharedRunDir.resolve("results.json")).isRegularFile();
        assertThat(sharedRunDir.resolve("timeline.html")).isRegularFile();
        assertThat(sharedRunDir.resolve("latency-read.png")).isRegularFile();
        assertThat(sharedRunDir.resolve("latency-read.svg")).isRegularFile();
        assertThat(sharedRunDir.resolve("latency-write.png")).isRegularFile();
        assertThat(sharedRunDir.resolve("latency-write.svg")).isRegularFile();
    }

    @Test
    void should_write_json_results_with_the_verdict_and_availability() throws IOException {
        JsonNode json =
                new ObjectMapper().readTree(sharedRunDir.resolve("results.json").toFile());
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
    void should_write_png_plots_that_decode_as_images() throws IOException {
        BufferedImage image =
                ImageIO.read(sharedRunDir.resolve("latency-write.png").toFile());
        assertThat(image.getWidth()).isEqualTo(LatencyPlotter.WIDTH);
        assertThat(image.getHeight()).isEqualTo(LatencyPlotter.HEIGHT);
        assertThat(Files.readString(sharedRunDir.resolve("latency-write.svg"))).contains("<svg");
    }

    @Test
    void should_show_the_verdict_and_link_every_file_on_the_index_page() throws IOException {
        String html = Files.readString(staleReadIndex);
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
        results.put(
                "set",
                new SetCheckResult(Verdict.INVALID, 3, 3, 2, List.of(3L), List.of(), List.of(), List.of(), null));
        RunSummary expectedAnomaly = new RunSummary("lww-set", 7L, History.empty(), List.of(), results);

        new RunReportWriter().write(runDir, expectedAnomaly);

        JsonNode json =
                new ObjectMapper().readTree(runDir.resolve("results.json").toFile());
        assertThat(json.get("valid?").asBoolean()).isTrue();
        assertThat(json.get("results").has("valid?")).isFalse();
        assertThat(json.at("/results/set/valid?").asBoolean()).isFalse();
        assertThat(json.at("/results/set/lost-count").asLong()).isEqualTo(1);
        assertThat(json.at("/results/set/lost/0").asLong()).isEqualTo(3);
    }

    @Test
    void should_create_the_run_folder_and_handle_an_empty_history() throws IOException {
        Path nested = runDir.resolve("runs").resolve("empty");

        Path index =
                new RunReportWriter().write(nested, new RunSummary("empty", 1L, History.empty(), List.of(), Map.of()));

        assertThat(index).isRegularFile();
        JsonNode json =
                new ObjectMapper().readTree(nested.resolve("results.json").toFile());
        assertThat(json.get("valid?").asText()).isEqualTo("unknown");
        assertThat(json.get("availability")).isEmpty();
        assertThat(Files.readString(nested.resolve("timeline.html"))).doesNotContain("class=\"lane\"");
    }

    @Test
    void should_keep_the_history_even_when_it_cannot_be_paired() {
        History orphanCompletion = new TimedHistory().ok(0, "read", 1L, 5).build();
        RunSummary summary = new RunSummary("broken", 3L, orphanCompletion, List.of(), Map.of());

        assertThatThrownBy(() -> new RunReportWriter().write(runDir, summary))
                .isInstanceOf(HistoryFormatException.class);
        assertThat(runDir.resolve("history.edn")).isNotEmptyFile();
    }
}
