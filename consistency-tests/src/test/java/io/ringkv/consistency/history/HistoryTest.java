package io.ringkv.consistency.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {

    @Test
    void should_pair_each_invocation_with_the_next_operation_of_its_process() {
        History history = new HistoryBuilder()
                .invoke(0, "write", 1L)
                .invoke(1, "read", null)
                .ok(1, "read", 1L)
                .ok(0, "write", 1L)
                .build();

        List<OperationPair> pairs = history.pairs();

        assertThat(pairs).hasSize(2);
        assertThat(pairs.get(0).invocationPosition()).isZero();
        assertThat(pairs.get(0).completionPosition()).isEqualTo(3);
        assertThat(pairs.get(1).completion().value()).isEqualTo(1L);
        assertThat(pairs).allMatch(pair -> pair.outcome() == OpType.OK);
    }

    @Test
    void should_treat_an_invocation_without_completion_as_indeterminate() {
        History history = new HistoryBuilder()
                .invoke(0, "write", 1L)
                .invoke(1, "write", 2L)
                .ok(1, "write", 2L)
                .build();

        OperationPair crashed = history.pairs().get(0);

        assertThat(crashed.completion()).isNull();
        assertThat(crashed.outcome()).isEqualTo(OpType.INFO);
        assertThat(crashed.isIndeterminate()).isTrue();
    }

    @Test
    void should_skip_nemesis_operations_when_pairing() {
        History history = new HistoryBuilder()
                .invoke(0, "read", null)
                .nemesis("start", null)
                .ok(0, "read", null)
                .nemesis("stop", null)
                .build();

        assertThat(history.pairs()).hasSize(1);
        assertThat(history.clientOperations().size()).isEqualTo(2);
    }

    @Test
    void should_reject_a_completion_without_invocation() {
        History history = new HistoryBuilder().ok(3, "read", 1L).build();

        assertThatThrownBy(history::pairs)
                .isInstanceOfSatisfying(
                        HistoryFormatException.class,
                        error -> assertThat(error.operationNumber()).isZero())
                .hasMessageContaining("no pending invocation of process 3");
    }

    @Test
    void should_reject_a_completion_of_another_function() {
        History history =
                new HistoryBuilder().invoke(0, "read", null).ok(0, "write", 1L).build();

        assertThatThrownBy(history::pairs)
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("does not match the invocation :read");
    }

    @Test
    void should_be_an_immutable_value() {
        History history = new HistoryBuilder().invoke(0, "read", null).build();

        assertThatThrownBy(() -> history.ops().add(history.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(history)
                .isEqualTo(new HistoryBuilder().invoke(0, "read", null).build());
    }
}
