package io.ringkv.consistency.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.consistency.history.EdnHistoryReader;
import io.ringkv.consistency.history.HistoryFormatException;
import org.junit.jupiter.api.Test;

/** Hand-built read/write register histories, each named after the verdict it must get. */
class RegisterLinearizabilityTest {

    private static CheckResult check(String edn) {
        return check(RegisterModel.create(), edn);
    }

    private static CheckResult check(Model model, String edn) {
        return new LinearizabilityChecker(model).check(EdnHistoryReader.parse(edn));
    }

    @Test
    void should_be_linearizable_when_operations_are_sequential() {
        CheckResult result = check("""
                {:process 0, :type :invoke, :f :read, :value nil}
                {:process 0, :type :ok, :f :read, :value nil}
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :ok, :f :write, :value 1}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value 1}
                {:process 1, :type :invoke, :f :write, :value 2}
                {:process 1, :type :ok, :f :write, :value 2}
                {:process 0, :type :invoke, :f :read, :value nil}
                {:process 0, :type :ok, :f :read, :value 2}
                """);

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
        assertThat(result.perKey()).hasSize(1);
        assertThat(result.failure()).isNull();
    }

    @Test
    void should_be_linearizable_when_concurrent_reads_see_either_side_of_an_overlapping_write() {
        CheckResult result = check("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value 1}
                {:process 0, :type :ok, :f :write, :value 1}
                """);

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
    }

    @Test
    void should_be_linearizable_when_concurrent_writes_are_ordered_by_what_reads_saw() {
        CheckResult result = check("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 1, :type :invoke, :f :write, :value 2}
                {:process 0, :type :ok, :f :write, :value 1}
                {:process 1, :type :ok, :f :write, :value 2}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value 1}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value 1}
                """);

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
    }

    @Test
    void should_be_linearizable_when_an_info_write_took_effect_late() {
        CheckResult result = check("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :info, :f :write, :value 1, :error :timeout}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value nil}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value 1}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value 1}
                """);

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
    }

    @Test
    void should_be_linearizable_when_an_info_write_never_took_effect() {
        CheckResult result = check("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :ok, :f :write, :value 1}
                {:process 1, :type :invoke, :f :write, :value 2}
                {:process 1, :type :info, :f :write, :value 2}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value 1}
                """);

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
    }

    @Test
    void should_be_linearizable_when_an_invocation_never_completed() {
        CheckResult result = check("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value 1}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value 1}
                """);

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
    }

    @Test
    void should_be_linearizable_when_a_failed_write_is_never_read() {
        CheckResult result = check("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :ok, :f :write, :value 1}
                {:process 1, :type :invoke, :f :write, :value 2}
                {:process 1, :type :fail, :f :write, :value 2, :error :unavailable}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value 1}
                """);

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
    }

    @Test
    void should_be_linearizable_when_the_only_read_is_indeterminate() {
        CheckResult result = check("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :ok, :f :write, :value 1}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :info, :f :read, :value nil}
                """);

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
    }

    @Test
    void should_be_linearizable_when_the_history_is_empty_or_only_nemesis() {
        assertThat(check("").valid()).isEqualTo(Verdict.VALID);
        assertThat(check("{:process :nemesis, :type :info, :f :start, :value nil}")
                        .valid())
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void should_not_be_linearizable_when_a_read_is_stale_after_a_completed_write() {
        CheckResult result = check("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :ok, :f :write, :value 1}
                {:process 0, :type :invoke, :f :write, :value 2}
                {:process 0, :type :ok, :f :write, :value 2}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value 1}
                """);

        assertThat(result.valid()).isEqualTo(Verdict.INVALID);
        FailureWindow failure = result.failure();
        assertThat(failure.operation().f()).isEqualTo("read");
        assertThat(failure.operation().value()).isEqualTo(1L);
        assertThat(failure.stateBefore()).isEqualTo(2L);
        assertThat(failure.linearizedCount()).isEqualTo(2);
        assertThat(failure.candidates())
                .singleElement()
                .extracting(Candidate::explanation)
                .isEqualTo("can't read 1 from register 2");
    }

    @Test
    void should_not_be_linearizable_when_an_acknowledged_write_is_lost() {
        CheckResult result = check("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :ok, :f :write, :value 1}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value nil}
                """);

        assertThat(result.valid()).isEqualTo(Verdict.INVALID);
        assertThat(result.failure().operation().process().number()).isEqualTo(1L);
    }

    @Test
    void should_not_be_linearizable_when_a_read_returns_a_value_never_written() {
        CheckResult result = check("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 0, :type :ok, :f :write, :value 1}
                {:process 1, :type :ok, :f :read, :value 7}
                """);

        assertThat(result.valid()).isEqualTo(Verdict.INVALID);
        assertThat(result.failure().operation().value()).isEqualTo(7L);
    }

    @Test
    void should_not_be_linearizable_when_two_reads_see_the_new_value_then_the_old_one() {
        CheckResult result = check("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :ok, :f :write, :value 1}
                {:process 0, :type :invoke, :f :write, :value 2}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value 2}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value 1}
                {:process 0, :type :ok, :f :write, :value 2}
                """);

        assertThat(result.valid()).isEqualTo(Verdict.INVALID);
        assertThat(result.failure().operation().process().number()).isEqualTo(2L);
    }

    @Test
    void should_not_be_linearizable_when_a_failed_write_is_read() {
        CheckResult result = check("""
                {:process 0, :type :invoke, :f :write, :value 2}
                {:process 0, :type :fail, :f :write, :value 2}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value 2}
                """);

        assertThat(result.valid()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void should_not_be_linearizable_when_an_info_write_is_read_before_it_was_invoked() {
        CheckResult result = check("""
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value 1}
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :info, :f :write, :value 1}
                """);

        assertThat(result.valid()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void should_not_be_linearizable_when_a_nil_read_follows_a_write_unless_nil_reads_are_unconstrained() {
        String edn = """
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :ok, :f :write, :value 1}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value nil}
                """;

        assertThat(check(edn).valid()).isEqualTo(Verdict.INVALID);
        assertThat(check(RegisterModel.create().withNilReadsUnconstrained(), edn)
                        .valid())
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void should_be_linearizable_when_reads_see_a_configured_initial_value() {
        String edn = """
                {:process 0, :type :invoke, :f :read, :value nil}
                {:process 0, :type :ok, :f :read, :value 0}
                """;

        assertThat(check(RegisterModel.withInitialValue(0L), edn).valid()).isEqualTo(Verdict.VALID);
        assertThat(check(edn).valid()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void should_reject_functions_the_register_does_not_know() {
        assertThatThrownBy(() -> check("""
                        {:process 0, :type :invoke, :f :cas, :value [1 2]}
                        {:process 0, :type :ok, :f :cas, :value [1 2]}
                        """))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("function :cas is not supported by model register");
    }
}
