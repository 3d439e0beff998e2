package io.ringkv.consistency.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.Consistency;
import io.ringkv.consistency.checker.Verdict;
import io.ringkv.consistency.nemesis.NemesisKind;
import io.ringkv.consistency.nemesis.Partitioners;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunMainTest {

    @TempDir
    Path folder;

    @Test
    void should_turn_the_command_line_into_run_options() throws IOException {
        Path jar = Files.createFile(folder.resolve("ringkv-server.jar"));
        RunMain main = new RunMain();
        new CommandLine(main)
                .parseArgs(
                        "--workload",
                        "set-lww",
                        "--nemesis",
                        "mixed",
                        "--consistency",
                        "strict",
                        "--r",
                        "2",
                        "--w",
                        "3",
                        "--nodes",
                        "3",
                        "--duration",
                        "20s",
                        "--seed",
                        "9",
                        "--out",
                        folder.toString(),
                        "--server-jar",
                        jar.toString(),
                        "--partitioner",
                        "link-filter",
                        "--expect-anomaly");

        RunOptions options = main.options();

        assertThat(options.workload()).isEqualTo(WorkloadKind.SET_LWW);
        assertThat(options.nemesis()).isEqualTo(NemesisKind.MIXED);
        assertThat(options.consistency().mode()).isEqualTo(Consistency.STRICT);
        assertThat(options.consistency().r()).isEqualTo(2);
        assertThat(options.consistency().w()).isEqualTo(3);
        assertThat(options.nodeCount()).isEqualTo(3);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.testName()).isEqualTo("set-lww-mixed-strict");
        assertThat(options.outDirectory()).isEqualTo(folder.resolve("set-lww-mixed-strict-seed9"));
        assertThat(options.partitioner()).isEqualTo(Partitioners.Choice.LINK_FILTER);
        assertThat(options.expectAnomaly()).isTrue();
    }

    @Test
    void should_exit_with_an_error_for_an_unknown_workload_without_starting_anything() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new RunMain()).setErr(new PrintWriter(err));

        int exit = command.execute(
                "--workload",
                "bank",
                "--server-jar",
                folder.resolve("missing.jar").toString());

        assertThat(exit).isEqualTo(RunMain.ERROR);
        assertThat(err.toString()).contains("ringkv-run:");
    }

    @Test
    void should_map_verdicts_to_exit_codes() {
        assertThat(RunMain.exitCode(Verdict.VALID)).isZero();
        assertThat(RunMain.exitCode(Verdict.INVALID)).isEqualTo(RunMain.INVALID);
        assertThat(RunMain.exitCode(Verdict.UNKNOWN)).isEqualTo(RunMain.UNKNOWN);
    }
}
