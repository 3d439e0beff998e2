package io.ringkv.consistency.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ringkv.consistency.history.EdnHistoryReader;
import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.HistoryBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-built anomalies buried in linearizable padding on the same key: the failure window must shrink
 * to exactly the operations of the anomaly, still not be linearizable, and be 1-minimal.
 */
class MinimalFailingWindowTest {

    private static final int PADDING_ROUNDS = 12;

    private static FailureWindow failureOf(Model model, History history) {
        CheckResult result = new LinearizabilityChecker(model).check(history);
        assertThat(result.valid()).isEqualTo(Verdict.INVALID);
        return result.failure();
    }

    /**
     * Linearizable traffic on processes 10 to 12, one fresh value per round: a write overlapped by a
     * read that sees it, then a read after it. Returns the next unused value.
     */
    private static long pad(HistoryBuilder history, long firstValue) {
        long value = firstValue;
        for (int round = 0; round < PADDING_ROUNDS; round++) {
            history.invoke(10, "write", value).invoke(11, "read", null);
            history.ok(10, "write", value).ok(11, "read", value);
            history.invoke(12, "read", null).ok(12, "read", value);
            value++;
        }
        return value;
    }

    private static void assertSoundAndMinimal(Model model, FailureWindow failure) {
        assertThat(failure.minimal()).isTrue();
        assertThat(WindowChecks.isLinearizable(model, failure.windowHistory()))
                .as("the window alone is not linearizable")
                .isFalse();
        assertThat(WindowChecks.needlessOperations(model, failure))
                .as("operations whose weakening leaves the window not linearizable")
                .isEmpty();
    }

    @Test
    void should_shrink_a_padded_stale_read_to_the_two_writes_and_the_read() {
        Model model = RegisterModel.create();
        HistoryBuilder history = new HistoryBuilder();
        pad(history, 100);
        history.invoke(0, "write", 1L).ok(0, "write", 1L);
        history.invoke(0, "write", 2L).ok(0, "write", 2L);
        history.invoke(2, "read", null).ok(2, "read", 2L);
        history.invoke(1, "read", null).ok(1, "read", 1L);
        pad(history, 200);

        FailureWindow failure = failureOf(model, history.build());

        assertThat(failure.minimalWindow())
                .extracting(op -> op.process().number(), Operation::f, Operation::value)
                .containsExactly(tuple(0L, "write", 1L), tuple(0L, "write", 2L), tuple(1L, "read", 1L));
        assertThat(failure.indeterminateInWindow()).isEmpty();
        assertSoundAndMinimal(model, failure);
    }

    @Test
    void should_shrink_a_read_of_a_value_never_written_to_that_read() {
        Model model = RegisterModel.create();
        HistoryBuilder history = new HistoryBuilder();
        long next = pad(history, 100);
        history.invoke(1, "read", null)
                .invoke(0, "write", next)
                .ok(1, "read", 7L)
                .ok(0, "write", next);
        pad(history, 200);

        FailureWindow failure = failureOf(model, history.build());

        assertThat(failure.minimalWindow())
                .extracting(Operation::f, Operation::value)
                .containsExactly(tuple("read", 7L));
        assertThat(failure.indeterminateInWindow()).isEmpty();
        assertSoundAndMinimal(model, failure);
    }

    @Test
    void should_shrink_a_lost_write_to_the_write_and_the_read_that_missed_it() {
        // Reads of the empty register first (a missing key), then an acknowledged write nobody sees.
        Model model = RegisterModel.create();
        HistoryBuilder history = new HistoryBuilder();
        for (int round = 0; round < PADDING_ROUNDS; round++) {
            history.invoke(11, "read", null).invoke(12, "read", null);
            history.ok(11, "read", null).ok(12, "read", null);
        }
        history.invoke(0, "write", 1L).ok(0, "write", 1L);
        history.invoke(1, "read", null).ok(1, "read", null);
        pad(history, 200);

        FailureWindow failure = failureOf(model, history.build());

        assertThat(failure.minimalWindow())
                .extracting(Operation::f, Operation::value)
                .containsExactly(tuple("write", 1L), tuple("read", null));
        assertSoundAndMinimal(model, failure);
    }

    @Test
    void should_keep_a_weakened_write_that_a_kept_read_saw_when_reads_see_the_new_value_then_the_old() {
        // The write of 2 must come before the read of 2 whether or not it is :ok, so it can be
        // weakened; it stays in the window as an indeterminate operation because that read saw it.
        Model model = RegisterModel.create();
        FailureWindow failure = failureOf(model, EdnHistoryReader.parse("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :ok, :f :write, :value 1}
                {:process 0, :type :invoke, :f :write, :value 2}
                {:process 1, :type :invoke, :f :read, :value nil}
                {:process 1, :type :ok, :f :read, :value 2}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :ok, :f :read, :value 1}
                {:process 0, :type :ok, :f :write, :value 2}
                """));

        assertThat(failure.minimalWindow())
                .extracting(Operation::f, Operation::value)
                .containsExactly(tuple("write", 1L), tuple("read", 2L), tuple("read", 1L));
        assertThat(failure.indeterminateInWindow()).singleElement().satisfies(write -> {
            assertThat(write.value()).isEqualTo(2L);
            assertThat(write.isWeakened()).isTrue();
            assertThat(write.describe()).isEqualTo("process 0 :write 2 (:ok taken as :info, index 2..7)");
        });
        assertSoundAndMinimal(model, failure);
    }

    @Test
    void should_keep_the_info_write_whose_value_was_read_in_the_wrong_place() {
        // The crashed write of 2 may have taken effect, so the read of 2 is fine; but then the
        // register cannot go back to 1. Without the :info write the window would not be 1-minimal.
        Model model = RegisterModel.create();
        HistoryBuilder history = new HistoryBuilder();
        long next = pad(history, 100);
        history.invoke(0, "write", 1L).ok(0, "write", 1L);
        history.invoke(3, "write", 2L).info(3, "write", 2L);
        history.invoke(1, "read", null).ok(1, "read", 2L);
        history.invoke(1, "read", null).ok(1, "read", 1L);
        pad(history, next);

        FailureWindow failure = failureOf(model, history.build());

        assertThat(failure.minimalWindow())
                .extracting(Operation::f, Operation::value)
                .containsExactly(tuple("write", 1L), tuple("read", 2L), tuple("read", 1L));
        assertThat(failure.indeterminateInWindow())
                .singleElement()
                .satisfies(write -> assertThat(write.describe())
                        .isEqualTo("process 3 :write 2 (:info, index 74..75 completed :info)"));
        assertSoundAndMinimal(model, failure);
        List<Operation> withoutTheInfoWrite = List.copyOf(failure.minimalWindow());
        assertThat(WindowChecks.isLinearizable(
                        model, WindowChecks.weakened(model, withoutTheInfoWrite, withoutTheInfoWrite.get(0))))
                .as("without the :info write, the window would still fail with its first write weakened")
                .isFalse();
    }

    @Test
    void should_shrink_a_cas_that_succeeded_from_a_value_the_register_no_longer_held() {
        Model model = CasRegisterModel.create();
        HistoryBuilder history = new HistoryBuilder();
        long next = pad(history, 100);
        history.invoke(0, "write", 0L).ok(0, "write", 0L);
        history.invoke(0, "write", 2L).ok(0, "write", 2L);
        history.invoke(1, "cas", List.of(0L, next)).ok(1, "cas", List.of(0L, next));
        history.invoke(2, "read", null).ok(2, "read", next);
        pad(history, next + 1);

        FailureWindow failure = failureOf(model, history.build());

        assertThat(failure.minimalWindow())
                .extracting(Operation::f, Operation::value)
                .containsExactly(tuple("write", 0L), tuple("write", 2L), tuple("cas", List.of(0L, next)));
        assertSoundAndMinimal(model, failure);
    }

    @Test
    void should_stop_at_the_search_cap_with_a_window_that_still_fails_but_is_not_called_minimal() {
        Model model = RegisterModel.create();
        HistoryBuilder history = new HistoryBuilder();
        pad(history, 100);
        history.invoke(0, "write", 1L).ok(0, "write", 1L);
        history.invoke(0, "write", 2L).ok(0, "write", 2L);
        history.invoke(1, "read", null).ok(1, "read", 1L);
        List<Operation> operations =
                OperationExtractor.extract(history.build(), KeySplitting.AUTO).get(null);
        KeyResult unshrunk = new WglSearch(model, null, operations, 1_000_000).run(operations.size());
        assertThat(unshrunk.valid()).isEqualTo(Verdict.INVALID);
        assertThat(unshrunk.failure().isShrunk()).isFalse();

        FailureWindow capped = new FailureShrinker(model, null, 1_000_000, 3).shrink(operations, unshrunk.failure());

        assertThat(capped.minimal()).isFalse();
        assertThat(capped.isShrunk()).isTrue();
        assertThat(capped.minimalWindow().size()).isGreaterThan(3);
        assertThat(WindowChecks.isLinearizable(model, capped.windowHistory())).isFalse();
        assertThat(capped.operation()).isEqualTo(unshrunk.failure().operation());
    }

    @Test
    void should_not_call_a_window_minimal_when_its_trial_searches_run_out_of_budget() {
        Model model = RegisterModel.create();
        HistoryBuilder history = new HistoryBuilder();
        long next = pad(history, 100);
        history.invoke(1, "read", null).ok(1, "read", 7L);
        pad(history, next);
        List<Operation> operations =
                OperationExtractor.extract(history.build(), KeySplitting.AUTO).get(null);
        FailureWindow unshrunk = new WglSearch(model, null, operations, 1_000_000)
                .run(operations.size())
                .failure();

        FailureWindow starved = new FailureShrinker(model, null, 1, 1_000).shrink(operations, unshrunk);

        assertThat(starved.minimal()).isFalse();
        assertThat(WindowChecks.isLinearizable(model, starved.windowHistory())).isFalse();
    }

    @Test
    void should_give_the_same_window_for_the_same_history() {
        Model model = RegisterModel.create();
        History history = RandomHistories.withStaleRead(RandomHistories.register(5, 60, 1, 4, 0.2), 5)
                .orElseThrow();

        assertThat(failureOf(model, history).minimalWindow())
                .isEqualTo(failureOf(model, history).minimalWindow());
    }
}
