package io.ringkv.consistency.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Records a history while a test runs: client threads and the nemesis append invocations and
 * completions as they happen, each stamped with its {@code :time} (nanoseconds since the recorder was
 * created) and numbered {@code :index} in the order they were appended.
 *
 * <p>Thread-safe: appends are serialised, so the recorded order is a real-time order (an operation
 * completed before another was invoked appears before it), which is what checkers rely on.
 */
public final class HistoryRecorder {

    private final LongSupplier nanoTime;
    private final long originNanos;
    private final List<Op> ops = new ArrayList<>();

    /** @param nanoTime a monotonic clock in nanoseconds (e.g. {@code System::nanoTime}) */
    public HistoryRecorder(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.originNanos = nanoTime.getAsLong();
    }

    /** A recorder on {@link System#nanoTime()}. */
    public static HistoryRecorder systemClock() {
        return new HistoryRecorder(System::nanoTime);
    }

    /** Nanoseconds since the recorder was created, on the history's {@code :time} clock. */
    public long elapsedNanos() {
        return nanoTime.getAsLong() - originNanos;
    }

    /** Records an invocation by client process {@code process}. */
    public Op invoke(long process, String f, Object value) {
        return append(ProcessId.of(process), OpType.INVOKE, f, value, null);
    }

    /**
     * Records a completion by client process {@code process}.
     *
     * @param type {@code :ok}, {@code :fail} or {@code :info}
     * @param error the {@code :error}, or {@code null}
     */
    public Op complete(long process, OpType type, String f, Object value, Object error) {
        if (!type.isCompletion()) {
            throw new IllegalArgumentException("not a completion: " + type);
        }
        return append(ProcessId.of(process), type, f, value, error);
    }

    /**
     * Records a nemesis operation on the {@code :nemesis} process: Jepsen writes an {@code :invoke} when
     * the nemesis begins an action and an {@code :info} when it is done.
     */
    public Op nemesis(OpType type, String f, Object value) {
        return append(ProcessId.NEMESIS, type, f, value, null);
    }

    /** Everything recorded so far. */
    public synchronized History history() {
        return History.of(List.copyOf(ops));
    }

    private synchronized Op append(ProcessId process, OpType type, String f, Object value, Object error) {
        Op op = new Op(ops.size(), process, type, f, value, OptionalLong.of(elapsedNanos()), error, Map.of());
        ops.add(op);
        return op;
    }
}
