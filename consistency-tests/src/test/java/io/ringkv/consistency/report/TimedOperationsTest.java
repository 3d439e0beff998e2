package io.ringkv.consistency.report;

import static io.ringkv.consistency.report.TimedHistory.millis;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.Keyword;
import io.ringkv.consistency.history.Op;
import io.ringkv.consistency.history.OpType;
import io.ringkv.consistency.history.ProcessId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TimedOperationsTest {

    @Test
    void should_pair_invocations_with_their_completions_and_keep_times_values_and_errors() {
        History history = new TimedHistory()
                .invoke(0, "read", null, 5)
                .invoke(1, "write", 3L, 6)
                .ok(0, "read", 7L, 9)
                .info(1, "write", 3L, 1006, "timeout")
                .build();

        List<TimedOperation> operations = TimedOperations.of(history);

        assertThat(operations).hasSize(2);
        TimedOperation read = operations.get(0);
        assertThat(read.process()).isEqualTo(ProcessId.of(0));
        assertThat(read.outcome()).isEqualTo(OpType.OK);
        assertThat(read.invokeNanos()).isEqualTo(millis(5));
        assertThat(read.latencyNanos()).hasValue(millis(4));
        assertThat(read.displayValue()).isEqualTo(7L);
        TimedOperation write = operations.get(1);
        assertThat(write.outcome()).isEqualTo(OpType.INFO);
        assertThat(write.latencyNanos()).hasValue(millis(1000));
        assertThat(write.error()).isEqualTo(Keyword.of("timeout"));
        assertThat(write.displayValue()).isEqualTo(3L);
    }

    @Test
    void should_treat_an_invocation_without_completion_as_info_without_latency() {
        History history = new TimedHistory().invoke(4, "add", 1L, 10).build();

        TimedOperation pending = TimedOperations.of(history).get(0);

        assertThat(pending.outcome()).isEqualTo(OpType.INFO);
        assertThat(pending.completeNanos()).isEmpty();
        assertThat(pending.latencyNanos()).isEmpty();
    }

    @Test
    void should_skip_nemesis_operations_and_invocations_without_time() {
        List<Op> ops = new ArrayList<>(new TimedHistory()
                .nemesis("start-partition", null, 1)
                .invoke(0, "read", null, 2)
                .ok(0, "read", null, 3)
                .build()
                .ops());
        ops.add(Op.of(3, ProcessId.of(1), OpType.INVOKE, "write", 1L));
        ops.add(Op.of(4, ProcessId.of(1), OpType.OK, "write", 1L));

        List<TimedOperation> operations = TimedOperations.of(History.of(ops));

        assertThat(operations).extracting(TimedOperation::f).containsExactly("read");
    }

    @Test
    void should_end_at_the_latest_time_of_any_operation() {
        History history = new TimedHistory()
                .invoke(0, "read", null, 2)
                .ok(0, "read", null, 3)
                .nemesis("stop-partition", null, 50)
                .build();

        assertThat(TimedOperations.endNanos(history)).isEqualTo(millis(50));
        assertThat(TimedOperations.endNanos(History.empty())).isZero();
    }

    @Test
    void should_reject_a_completion_before_its_invocation() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new TimedOperation(
                        ProcessId.of(0), "read", OpType.OK, 10, OptionalLong.of(9), null, null, null));
    }
}
