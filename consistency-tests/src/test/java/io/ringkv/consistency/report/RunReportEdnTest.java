package io.ringkv.consistency.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.consistency.history.EdnHistoryReader;
import io.ringkv.consistency.history.EdnValues;
import io.ringkv.consistency.history.Keyword;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The EDN files of a report read back with Clojure's reader, as Jepsen's tools would read them. */
class RunReportEdnTest {

    @TempDir
    static Path runDir;

    @BeforeAll
    static void writeReport() throws IOException {
        new RunReportWriter().write(runDir, StaleReadRun.summary());
    }

    @Test
    void should_write_a_history_that_reads_back_to_the_same_history() throws IOException {
        assertThat(EdnHistoryReader.read(runDir.resolve("history.edn"))).isEqualTo(StaleReadRun.history());
    }

    @Test
    void should_write_edn_results_that_clojure_reads() throws IOException {
        Object parsed = EdnValues.parse(Files.readString(runDir.resolve("results.edn")));
        assertThat(parsed).isInstanceOf(Map.class);
        Map<?, ?> results = (Map<?, ?>) parsed;
        assertThat(results.get(Keyword.of("valid?"))).isEqualTo(false);
        assertThat(results.get(Keyword.of("seed"))).isEqualTo(42L);
        Map<?, ?> linearizable =
                (Map<?, ?>) ((Map<?, ?>) results.get(Keyword.of("results"))).get(Keyword.of("linearizable"));
        assertThat(linearizable.get(Keyword.of("valid?"))).isEqualTo(false);
    }
}
