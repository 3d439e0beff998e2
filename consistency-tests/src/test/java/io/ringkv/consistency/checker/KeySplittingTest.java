package io.ringkv.consistency.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.consistency.history.EdnHistoryReader;
import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.HistoryFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeySplittingTest {

    private static final String TWO_KEYS = """
            {:process 0, :type :invoke, :f :write, :value [:a 1]}
            {:process 1, :type :invoke, :f :write, :value [:b 1]}
            {:process 0, :type :ok, :f :write, :value [:a 1]}
            {:process 1, :type :ok, :f :write, :value [:b 1]}
            {:process 0, :type :invoke, :f :read, :value [:b nil]}
            {:process 0, :type :ok, :f :read, :value [:b 1]}
            """;

    @Test
    void should_split_tuple_histories_per_key_automatically() {
        CheckResult result = new LinearizabilityChecker(RegisterModel.create()).check(EdnHistoryReader.parse(TWO_KEYS));

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
        assertThat(result.perKey()).hasSize(2);
        assertThat(result.perKey()).extracting(KeyResult::operationCount).containsExactly(1, 2);
    }

    @Test
    void should_treat_tuples_as_register_values_when_told_the_history_is_single() {
        CheckResult result = new LinearizabilityChecker(RegisterModel.create())
                .withKeySplitting(KeySplitting.SINGLE)
                .check(EdnHistoryReader.parse(TWO_KEYS));

        assertThat(result.perKey()).singleElement().extracting(KeyResult::key).isNull();
        assertThat(result.valid())
                .as("[:b 1] was overwritten by nothing, the read sees it")
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void should_split_independent_cas_histories_with_nested_pairs() {
        History history = EdnHistoryReader.parse("""
                {:process 0, :type :invoke, :f :cas, :value [7 [nil 1]]}
                {:process 0, :type :ok, :f :cas, :value [7 [nil 1]]}
                {:process 1, :type :invoke, :f :read, :value [7 nil]}
                {:process 1, :type :ok, :f :read, :value [7 1]}
                """);

        CheckResult result = new LinearizabilityChecker(CasRegisterModel.create()).check(history);

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
        assertThat(result.perKey()).singleElement().extracting(KeyResult::key).isEqualTo(7L);
    }

    @Test
    void should_not_split_a_plain_cas_history_whose_values_are_pairs() {
        History history = EdnHistoryReader.parse("""
                {:process 0, :type :invoke, :f :cas, :value [nil 1]}
                {:process 0, :type :ok, :f :cas, :value [nil 1]}
                {:process 1, :type :invoke, :f :cas, :value [1 2]}
                {:process 1, :type :ok, :f :cas, :value [1 2]}
                """);

        CheckResult result = new LinearizabilityChecker(CasRegisterModel.create()).check(history);

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
        assertThat(result.perKey()).singleElement().extracting(KeyResult::key).isNull();
    }

    @Test
    void should_reject_non_tuples_when_splitting_per_key_is_forced() {
        History history = EdnHistoryReader.parse("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :ok, :f :write, :value 1}
                """);

        assertThatThrownBy(() -> new LinearizabilityChecker(RegisterModel.create())
                        .withKeySplitting(KeySplitting.PER_KEY)
                        .check(history))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("[key value] tuples");
    }

    @Test
    void should_reject_a_completion_for_another_key() {
        History history = EdnHistoryReader.parse("""
                {:process 0, :type :invoke, :f :read, :value [1 nil]}
                {:process 0, :type :ok, :f :read, :value [2 5]}
                """);

        assertThatThrownBy(() -> new LinearizabilityChecker(RegisterModel.create()).check(history))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("completion is for key 2");
    }

    @Test
    void should_use_the_invoked_value_of_a_write_whose_completion_carries_none() {
        History history = EdnHistoryReader.parse("""
                {:process 0, :type :invoke, :f :write, :value [1 5]}
                {:process 0, :type :ok, :f :write, :value nil}
                {:process 1, :type :invoke, :f :read, :value [1 nil]}
                {:process 1, :type :ok, :f :read, :value [1 5]}
                """);

        CheckResult result = new LinearizabilityChecker(RegisterModel.create()).check(history);

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
        assertThat(result.perKey().get(0).key()).isEqualTo(1L);
        assertThat(List.of(result.operationCount())).containsExactly(2L);
    }
}
