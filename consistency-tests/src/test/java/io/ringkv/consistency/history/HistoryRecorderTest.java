package io.ringkv.consistency.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HistoryRecorderTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final HistoryRecorder recorder = new HistoryRecorder(nanos::get);

    @Test
    void should_number_operations_and_stamp_them_from_the_start() {
        recorder.invoke(0, "write", 3L);
        nanos.addAndGet(250);
        recorder.complete(0, OpType.OK, "write", 3L, null);
        recorder.nemesis(OpType.INFO, "kill", "n1");

        History history = recorder.history();

        assertThat(history.ops()).extracting(Op::index).containsExactly(0L, 1L, 2L);
        assertThat(history.get(0).timeNanos().getAsLong()).isZero();
        assertThat(history.get(1).timeNanos().getAsLong()).isEqualTo(250);
        assertThat(history.get(2).process()).isEqualTo(ProcessId.NEMESIS);
        assertThat(history.pairs()).hasSize(1);
    }

    @Test
    void should_keep_the_error_of_a_completion() {
        recorder.invoke(4, "read", null);
        recorder.complete(4, OpType.FAIL, "read", null, Keyword.of("unavailable"));

        assertThat(recorder.history().get(1).error()).isEqualTo(Keyword.of("unavailable"));
        assertThat(EdnHistoryWriter.format(recorder.history().get(1))).contains(":error :unavailable");
    }

    @Test
    void should_refuse_an_invocation_as_a_completion() {
        assertThatThrownBy(() -> recorder.complete(1, OpType.INVOKE, "read", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
