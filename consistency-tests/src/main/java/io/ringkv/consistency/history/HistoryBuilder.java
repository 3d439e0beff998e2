package io.ringkv.consistency.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a history one operation at a time, numbering {@code :index} from 0. Meant for tests and
 * generators; recorders that carry times use {@link #add(Op)} with complete operations.
 *
 * <p>Not thread-safe: one builder belongs to one thread.
 */
public final class HistoryBuilder {

    private final List<Op> ops = new ArrayList<>();

    public HistoryBuilder invoke(long process, String f, Object value) {
        return append(ProcessId.of(process), OpType.INVOKE, f, value);
    }

    public HistoryBuilder ok(long process, String f, Object value) {
        return append(ProcessId.of(process), OpType.OK, f, value);
    }

    public HistoryBuilder fail(long process, String f, Object value) {
        return append(ProcessId.of(process), OpType.FAIL, f, value);
    }

    public HistoryBuilder info(long process, String f, Object value) {
        return append(ProcessId.of(process), OpType.INFO, f, value);
    }

    /** A nemesis operation, recorded by Jepsen as {@code :info} on the {@code :nemesis} process. */
    public HistoryBuilder nemesis(String f, Object value) {
        return append(ProcessId.NEMESIS, OpType.INFO, f, value);
    }

    /** Appends {@code op} with its {@code :index} replaced by its position. */
    public HistoryBuilder add(Op op) {
        ops.add(op.withIndex(ops.size()));
        return this;
    }

    public int size() {
        return ops.size();
    }

    public History build() {
        return History.of(ops);
    }

    private HistoryBuilder append(ProcessId process, OpType type, String f, Object value) {
        ops.add(Op.of(ops.size(), process, type, f, value));
        return this;
    }
}
