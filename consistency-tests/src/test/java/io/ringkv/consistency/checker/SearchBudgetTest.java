package io.ringkv.consistency.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.consistency.history.History;
import org.junit.jupiter.api.Test;

class SearchBudgetTest {

    /** One register, 20 concurrent processes: a hard shape for any linearizability search. */
    private static final History HARD = RandomHistories.register(3, 1500, 1, 20, 0.05);

    @Test
    void should_answer_unknown_rather_than_search_without_bound() {
        CheckResult result = new LinearizabilityChecker(RegisterModel.create())
                .withMaxStatesPerKey(500)
                .check(HARD);

        assertThat(result.valid()).isEqualTo(Verdict.UNKNOWN);
        assertThat(result.failure()).isNull();
        assertThat(result.unknownKeys()).singleElement().satisfies(key -> {
            assertThat(key.unknownReason()).contains("search budget of 500 states exhausted");
            assertThat(key.statesExplored()).isEqualTo(501);
        });
    }

    @Test
    void should_decide_the_same_history_with_the_default_budget() {
        CheckResult result = new LinearizabilityChecker(RegisterModel.create()).check(HARD);

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
        assertThat(result.statesExplored()).isGreaterThan(500);
    }

    @Test
    void should_let_an_invalid_key_win_over_an_unknown_one() {
        assertThat(Verdict.UNKNOWN.and(Verdict.INVALID)).isEqualTo(Verdict.INVALID);
        assertThat(Verdict.VALID.and(Verdict.UNKNOWN)).isEqualTo(Verdict.UNKNOWN);
        assertThat(Verdict.VALID.and(Verdict.VALID)).isEqualTo(Verdict.VALID);
    }

    @Test
    void should_reject_a_budget_below_one_state() {
        LinearizabilityChecker checker = new LinearizabilityChecker(RegisterModel.create());

        assertThatThrownBy(() -> checker.withMaxStatesPerKey(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
