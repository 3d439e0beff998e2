package io.ringkv.consistency.report;

import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.Keyword;
import io.ringkv.consistency.history.Op;
import io.ringkv.consistency.history.OpType;
import io.ringkv.consistency.history.ProcessId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Builds hand-made histories with {@code :time} values given in milliseconds, for report tests. */
final class TimedHistory {

    private final List<Op> ops = new ArrayList<>();

    TimedHistory invoke(long process, String f, Object value, long timeMillis) {
        return add(ProcessId.of(process), OpType.INVOKE, f, value, timeMillis, null);
    }

    TimedHistory ok(long process, String f, Object value, long timeMillis) {
        return add(ProcessId.of(process), OpType.OK, f, value, timeMillis, null);
    }

    TimedHistory fail(long process, String f, Object value, long timeMillis, String error) {
        return add(ProcessId.of(process), OpType.FAIL, f, value, timeMillis, Keyword.of(error));
    }

    TimedHistory info(long process, String f, Object value, long timeMillis, String error) {
        return add(ProcessId.of(process), OpType.INFO, f, value, timeMillis, Keyword.of(error));
    }

    TimedHistory nemesis(String f, Object value, long timeMillis) {
        return add(ProcessId.NEMESIS, OpType.INFO, f, value, timeMillis, null);
    }

    History build() {
        return History.of(ops);
    }

    static long millis(long millis) {
        return millis * 1_000_000L;
    }

    private TimedHistory add(ProcessId process, OpType type, String f, Object value, long timeMillis, Object error) {
        ops.add(new Op(ops.size(), process, type, f, value, OptionalLong.of(millis(timeMillis)), error, Map.of()));
        return this;
    }
}
