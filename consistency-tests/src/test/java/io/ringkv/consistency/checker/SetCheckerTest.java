package io.ringkv.consistency.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.consistency.history.EdnHistoryReader;
import io.ringkv.consistency.history.HistoryFormatException;
import org.junit.jupiter.api.Test;

class SetCheckerTest {

    private final SetChecker checker = new SetChecker();

    @Test
    void should_be_valid_when_every_acknowledged_add_is_in_the_final_read() {
        SetCheckResult result = checker.check(EdnHistoryReader.parse("""
                {:process 0, :type :invoke, :f :add, :value 1}
                {:process 0, :type :ok, :f :add, :value 1}
                {:process 1, :type :invoke, :f :add, :value 2}
                {:process 1, :type :info, :f :add, :value 2}
                {:process 0, :type :invoke, :f :add, :value 3}
                {:process 0, :type :ok, :f :add, :value 3}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value [3 1]}
                """));

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
        assertThat(result.attemptCount()).isEqualTo(3);
        assertThat(result.acknowledgedCount()).isEqualTo(2);
        assertThat(result.okCount()).isEqualTo(2);
        assertThat(result.lostCount()).isZero();
        assertThat(result.recoveredCount()).isZero();
    }

    @Test
    void should_be_invalid_and_count_lost_and_recovered_elements() {
        SetCheckResult result = checker.check(Resources.history("set-add-lost.edn"));

        assertThat(result.valid()).isEqualTo(Verdict.INVALID);
        assertThat(result.lost()).containsExactly(3L);
        assertThat(result.recovered()).containsExactly(4L);
        assertThat(result.unexpected()).isEmpty();
        assertThat(result.failedButPresent()).isEmpty();
        assertThat(result.attemptCount()).isEqualTo(5);
        assertThat(result.acknowledgedCount()).isEqualTo(3);
        assertThat(result.okCount()).isEqualTo(3);
        assertThat(result.describe()).contains("lost-count         1  [3]").startsWith("INVALID");
    }

    @Test
    void should_be_invalid_when_the_read_holds_an_element_nobody_added() {
        SetCheckResult result = checker.check(EdnHistoryReader.parse("""
                {:process 0, :type :invoke, :f :add, :value 1}
                {:process 0, :type :ok, :f :add, :value 1}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value #{1 99 "x"}}
                """));

        assertThat(result.valid()).isEqualTo(Verdict.INVALID);
        assertThat(result.unexpected()).containsExactly(99L, "x");
    }

    @Test
    void should_be_invalid_when_a_definitely_failed_add_is_present() {
        SetCheckResult result = checker.check(EdnHistoryReader.parse("""
                {:process 0, :type :invoke, :f :add, :value 1}
                {:process 0, :type :fail, :f :add, :value 1}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value [1]}
                """));

        assertThat(result.valid()).isEqualTo(Verdict.INVALID);
        assertThat(result.failedButPresent()).containsExactly(1L);
    }

    @Test
    void should_use_the_last_successful_read_as_the_final_read() {
        SetCheckResult result = checker.check(EdnHistoryReader.parse("""
                {:process 0, :type :invoke, :f :add, :value 1}
                {:process 0, :type :ok, :f :add, :value 1}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value []}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value [1]}
                {:process 3, :type :invoke, :f :read, :value nil}
                {:process 3, :type :fail, :f :read, :value nil}
                """));

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
    }

    @Test
    void should_be_unknown_when_the_set_was_never_read() {
        SetCheckResult result = checker.check(EdnHistoryReader.parse("""
                {:process 0, :type :invoke, :f :add, :value 1}
                {:process 0, :type :ok, :f :add, :value 1}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :info, :f :read, :value nil}
                """));

        assertThat(result.valid()).isEqualTo(Verdict.UNKNOWN);
        assertThat(result.unknownReason()).contains("never read");
        assertThat(result.describe()).startsWith("UNKNOWN");
    }

    @Test
    void should_reject_a_final_read_that_is_not_a_collection() {
        assertThatThrownBy(() -> checker.check(EdnHistoryReader.parse("""
                        {:process 2, :type :invoke, :f :read, :value nil}
                        {:process 2, :type :ok, :f :read, :value 5}
                        """)))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("set or vector");
    }
}
