package io.ringkv.consistency.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.consistency.history.EdnHistoryReader;
import io.ringkv.consistency.history.HistoryFormatException;
import org.junit.jupiter.api.Test;

/** Hand-built compare-and-set register histories, each named after the verdict it must get. */
class CasRegisterLinearizabilityTest {

    private static Verdict check(String edn) {
        return check(CasRegisterModel.create(), edn);
    }

    private static Verdict check(Model model, String edn) {
        return new LinearizabilityChecker(model)
                .check(EdnHistoryReader.parse(edn))
                .valid();
    }

    @Test
    void should_be_linearizable_when_a_cas_succeeds_on_the_current_value() {
        assertThat(check("""
                        {:process 0, :type :invoke, :f :write, :value 0}
                        {:process 0, :type :ok, :f :write, :value 0}
                        {:process 1, :type :invoke, :f :cas, :value [0 1]}
                        {:process 1, :type :ok, :f :cas, :value [0 1]}
                        {:process 2, :type :invoke, :f :read, :value nil}
                        {:process 2, :type :ok, :f :read, :value 1}
                        """)).isEqualTo(Verdict.VALID);
    }

    @Test
    void should_be_linearizable_when_a_failed_cas_changed_nothing() {
        assertThat(check("""
                        {:process 0, :type :invoke, :f :write, :value 0}
                        {:process 0, :type :ok, :f :write, :value 0}
                        {:process 1, :type :invoke, :f :cas, :value [5 6]}
                        {:process 1, :type :fail, :f :cas, :value [5 6]}
                        {:process 2, :type :invoke, :f :read, :value nil}
                        {:process 2, :type :ok, :f :read, :value 0}
                        """)).isEqualTo(Verdict.VALID);
    }

    @Test
    void should_be_linearizable_when_concurrent_cas_operations_chain() {
        assertThat(check("""
                        {:process 0, :type :invoke, :f :write, :value 0}
                        {:process 0, :type :ok, :f :write, :value 0}
                        {:process 1, :type :invoke, :f :cas, :value [1 2]}
                        {:process 2, :type :invoke, :f :cas, :value [0 1]}
                        {:process 1, :type :ok, :f :cas, :value [1 2]}
                        {:process 2, :type :ok, :f :cas, :value [0 1]}
                        {:process 3, :type :invoke, :f :read, :value nil}
                        {:process 3, :type :ok, :f :read, :value 2}
                        """)).isEqualTo(Verdict.VALID);
    }

    @Test
    void should_be_linearizable_when_an_info_cas_took_effect() {
        assertThat(check("""
                        {:process 0, :type :invoke, :f :write, :value 0}
                        {:process 0, :type :ok, :f :write, :value 0}
                        {:process 1, :type :invoke, :f :cas, :value [0 1]}
                        {:process 1, :type :info, :f :cas, :value [0 1]}
                        {:process 2, :type :invoke, :f :read, :value nil}
                        {:process 2, :type :ok, :f :read, :value 0}
                        {:process 2, :type :invoke, :f :read, :value nil}
                        {:process 2, :type :ok, :f :read, :value 1}
                        """)).isEqualTo(Verdict.VALID);
    }

    @Test
    void should_be_linearizable_when_a_cas_from_nil_succeeds_on_an_empty_register() {
        assertThat(check("""
                        {:process 0, :type :invoke, :f :cas, :value [nil 1]}
                        {:process 0, :type :ok, :f :cas, :value [nil 1]}
                        """)).isEqualTo(Verdict.VALID);
    }

    @Test
    void should_not_be_linearizable_when_a_cas_succeeds_on_a_value_that_is_not_current() {
        assertThat(check("""
                        {:process 0, :type :invoke, :f :write, :value 2}
                        {:process 0, :type :ok, :f :write, :value 2}
                        {:process 1, :type :invoke, :f :cas, :value [0 1]}
                        {:process 1, :type :ok, :f :cas, :value [0 1]}
                        """)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void should_not_be_linearizable_when_two_concurrent_cas_succeed_from_the_same_value() {
        assertThat(check("""
                        {:process 0, :type :invoke, :f :write, :value 0}
                        {:process 0, :type :ok, :f :write, :value 0}
                        {:process 1, :type :invoke, :f :cas, :value [0 1]}
                        {:process 2, :type :invoke, :f :cas, :value [0 2]}
                        {:process 1, :type :ok, :f :cas, :value [0 1]}
                        {:process 2, :type :ok, :f :cas, :value [0 2]}
                        """)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void should_not_be_linearizable_when_a_read_misses_a_completed_cas() {
        assertThat(check("""
                        {:process 0, :type :invoke, :f :write, :value 0}
                        {:process 0, :type :ok, :f :write, :value 0}
                        {:process 1, :type :invoke, :f :cas, :value [0 1]}
                        {:process 1, :type :ok, :f :cas, :value [0 1]}
                        {:process 2, :type :invoke, :f :read, :value nil}
                        {:process 2, :type :ok, :f :read, :value 0}
                        """)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void should_not_be_linearizable_when_a_read_sees_a_value_no_write_or_cas_ever_set() {
        // 7 was only ever the expected value of a failed cas, never a new value: nothing could have set it.
        assertThat(check("""
                        {:process 0, :type :invoke, :f :write, :value 0}
                        {:process 0, :type :ok, :f :write, :value 0}
                        {:process 1, :type :invoke, :f :cas, :value [7 8]}
                        {:process 1, :type :fail, :f :cas, :value [7 8]}
                        {:process 2, :type :invoke, :f :read, :value nil}
                        {:process 2, :type :ok, :f :read, :value 7}
                        """)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void should_follow_the_configured_initial_value_for_cas() {
        String edn = """
                {:process 0, :type :invoke, :f :cas, :value [0 1]}
                {:process 0, :type :ok, :f :cas, :value [0 1]}
                """;

        assertThat(check(CasRegisterModel.withInitialValue(0L), edn)).isEqualTo(Verdict.VALID);
        assertThat(check(edn)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void should_reject_a_cas_whose_value_is_not_a_pair() {
        assertThatThrownBy(() -> check("""
                        {:process 0, :type :invoke, :f :cas, :value 3}
                        {:process 0, :type :ok, :f :cas, :value 3}
                        """))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("[expected new]");
    }
}
