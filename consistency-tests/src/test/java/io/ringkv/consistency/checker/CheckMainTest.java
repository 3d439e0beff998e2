package io.ringkv.consistency.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.consistency.history.EdnHistoryWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckMainTest {

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CheckMain.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private Path file(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void should_exit_0_for_a_linearizable_history() {
        int code = run(
                "--model",
                "cas-register",
                Resources.path("cas-register-valid.edn").toString());

        assertThat(code).isEqualTo(CheckMain.VALID).isZero();
        assertThat(out.toString()).startsWith("VALID: the history is linearizable under model cas-register");
    }

    @Test
    void should_exit_1_and_print_the_failure_window_for_a_history_that_is_not_linearizable() {
        int code = run(
                "--model",
                "register",
                Resources.path("register-with-nemesis-stale-read.edn").toString());

        assertThat(code).isEqualTo(CheckMain.INVALID).isEqualTo(1);
        assertThat(out.toString())
                .startsWith("INVALID")
                .contains("  Minimal failing window (3 operations; weakening any one makes the rest linearizable):\n"
                        + "    process 1 :write 3 (:ok, index 2..4)\n"
                        + "    process 0 :write 4 (:ok, index 7..9)\n"
                        + "    process 2 :read 3 (:ok, index 11..12)\n"
                        + "  Furthest point the search reached: could not linearize\n")
                .contains("process 2 :read 3 (:ok, index 11..12)")
                .contains("can't read 3 from register 4");
    }

    @Test
    void should_exit_2_for_malformed_input() throws IOException {
        Path broken = file("broken.edn", "{:process 0, :type :invoke, :f :read\n");

        int code = run(broken.toString());

        assertThat(code).isEqualTo(CheckMain.UNREADABLE).isEqualTo(2);
        assertThat(err.toString()).contains("unreadable history").contains("malformed EDN");
    }

    @Test
    void should_exit_2_for_a_missing_file_and_for_bad_options() {
        assertThat(run(directory.resolve("absent.edn").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read");

        assertThat(run(
                        "--model",
                        "queue",
                        Resources.path("cas-register-valid.edn").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown --model queue");

        assertThat(run("--no-such-option")).isEqualTo(2);
    }

    @Test
    void should_exit_2_when_the_model_does_not_know_a_function() {
        int code = run(
                "--model", "register", Resources.path("cas-register-valid.edn").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("function :cas is not supported by model register");
    }

    @Test
    void should_exit_3_and_say_so_when_the_search_budget_runs_out() throws IOException {
        Path hard = file("hard.edn", EdnHistoryWriter.toEdn(RandomHistories.register(3, 1500, 1, 20, 0.05)));

        int code = run("--max-states", "100", hard.toString());

        assertThat(code).isEqualTo(CheckMain.UNKNOWN).isEqualTo(3);
        assertThat(out.toString()).startsWith("UNKNOWN").contains("--max-states");
    }

    @Test
    void should_use_the_initial_value_given_as_edn() throws IOException {
        Path history = file("initial.edn", """
                {:process 0, :type :invoke, :f :read, :value nil}
                {:process 0, :type :ok, :f :read, :value 0}
                """);

        assertThat(run("--initial", "0", history.toString())).isZero();
        assertThat(run(history.toString())).isEqualTo(1);
        assertThat(run("--initial", "[unbalanced", history.toString())).isEqualTo(2);
    }

    @Test
    void should_check_nil_reads_as_knossos_does_when_asked() throws IOException {
        Path history = file("nil-read.edn", """
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :ok, :f :write, :value 1}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value nil}
                """);

        assertThat(run(history.toString())).isEqualTo(1);
        assertThat(run("--nil-reads-unconstrained", history.toString())).isZero();
    }

    @Test
    void should_run_the_set_checker() {
        int code = run("--checker", "set", Resources.path("set-add-lost.edn").toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("lost-count         1  [3]");
    }

    @Test
    void should_force_single_register_checking_of_tuple_values() {
        int code = run(
                "--keys",
                "single",
                Resources.path("independent-register-invalid.edn").toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("the register");
    }
}
