package io.ringkv.consistency.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.consistency.history.EdnHistoryReader;
import io.ringkv.consistency.history.History;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckResultFormatterTest {

    @Test
    void should_describe_the_failing_key_its_prefix_and_its_candidates() {
        Model model = RegisterModel.create();
        CheckResult result =
                new LinearizabilityChecker(model).check(Resources.history("independent-register-invalid.edn"));

        String text = CheckResultFormatter.format(result, model);

        assertThat(text)
                .startsWith("INVALID: the history is not linearizable under model register (2 keys, 8 operations")
                .contains("failing key: 2")
                .contains("Key 2: not linearizable\n  Minimal failing window (")
                .contains("could not linearize\n    process 3 :read 5 (:ok, index 10..11)")
                .contains("The longest linearizable prefix found has 3 operations and leaves the state 6.")
                .contains("process 1 :write 6 (:ok, index 5..7)  => 6")
                .contains("process 3 :read 5 (:ok, index 10..11): can't read 5 from register 6");
    }

    @Test
    void should_print_the_minimal_window_before_the_furthest_point() {
        Model model = RegisterModel.create();
        CheckResult result = new LinearizabilityChecker(model).check(EdnHistoryReader.parse("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :ok, :f :write, :value 1}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value 1}
                {:process 0, :type :invoke, :f :write, :value 2}
                {:process 0, :type :ok, :f :write, :value 2}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value 2}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value 1}
                """));

        String text = CheckResultFormatter.format(result, model);

        assertThat(text).isEqualTo("""
                        INVALID: the history is not linearizable under model register (1 key, 5 operations, %d \
                        states explored); failing key: the register

                        The register: not linearizable
                          Minimal failing window (3 operations; weakening any one makes the rest linearizable):
                            process 0 :write 1 (:ok, index 0..1)
                            process 0 :write 2 (:ok, index 4..5)
                            process 1 :read 1 (:ok, index 8..9)
                          Furthest point the search reached: could not linearize
                            process 1 :read 1 (:ok, index 8..9)
                          The longest linearizable prefix found has 4 operations and leaves the state 2.
                          It ends with:
                            process 0 :write 1 (:ok, index 0..1)  => 1
                            process 2 :read 1 (:ok, index 2..3)  => 1
                            process 0 :write 2 (:ok, index 4..5)  => 2
                            process 2 :read 2 (:ok, index 6..7)  => 2
                          Operations that could have come next, and why they could not:
                            process 1 :read 1 (:ok, index 8..9): can't read 1 from register 2
                        """.formatted(result.statesExplored()));
    }

    @Test
    void should_say_when_a_window_is_not_shown_to_be_minimal() {
        Model model = RegisterModel.create();
        History history = EdnHistoryReader.parse("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :ok, :f :write, :value 1}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value 7}
                """);
        List<Operation> operations =
                OperationExtractor.extract(history, KeySplitting.AUTO).get(null);
        FailureWindow unshrunk = new WglSearch(model, null, operations, 100)
                .run(operations.size())
                .failure();
        FailureWindow capped = new FailureShrinker(model, null, 100, 1).shrink(operations, unshrunk);

        assertThat(CheckResultFormatter.formatFailure(unshrunk, model))
                .startsWith("\nThe register: not linearizable\n  Furthest point the search reached:");
        assertThat(CheckResultFormatter.formatFailure(capped, model))
                .contains("  Failing window (2 operations; not shown to be minimal: shrinking ran out of searches"
                        + " or of search budget):\n    process 0 :write 1 (:ok, index 0..1)\n");
    }

    @Test
    void should_describe_a_valid_history_in_one_line() {
        Model model = CasRegisterModel.create();
        CheckResult result = new LinearizabilityChecker(model).check(Resources.history("cas-register-valid.edn"));

        assertThat(CheckResultFormatter.format(result, model))
                .isEqualTo("VALID: the history is linearizable under model cas-register (1 key, 10 operations, "
                        + result.statesExplored() + " states explored)\n");
    }

    @Test
    void should_mark_crashed_operations_in_descriptions() {
        History history = EdnHistoryReader.parse("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :info, :f :write, :value 1, :error :timeout}
                {:process 1, :type :invoke, :f :write, :value 2}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value 3}
                """);

        List<Operation> operations =
                OperationExtractor.extract(history, KeySplitting.AUTO).get(null);

        assertThat(operations)
                .extracting(Operation::describe)
                .containsExactly(
                        "process 0 :write 1 (:info, index 0..1 completed :info)",
                        "process 1 :write 2 (:info, index 2, never completed)",
                        "process 2 :read 3 (:ok, index 3..4)");
    }
}
