package io.ringkv.consistency.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One line of a history: an invocation or a completion, as Jepsen records it.
 *
 * <p>For a read, the value of the {@code :invoke} is usually {@code nil} and the value read is in the
 * {@code :ok} completion; for a write or compare-and-set the completion normally repeats the invoked
 * value. Multi-key (Jepsen "independent") histories wrap every value in a {@code [key value]} vector.
 *
 * @param index the operation's {@code :index}; the reader uses the 0-based position when the file has
 *     none
 * @param process who issued it
 * @param type invocation or one of the three completions
 * @param f the function's keyword name without colon ({@code "read"}, {@code "write"}, {@code "cas"},
 *     {@code "add"}, or anything else a workload uses)
 * @param value the operation's value in the value model of this package; may be {@code null}
 * @param timeNanos the {@code :time} (nanoseconds since the test started), when recorded
 * @param error the {@code :error}, usually a keyword or a string; {@code null} when absent
 * @param extra every other key of the operation map, kept so that nothing is lost on a round trip
 */
public record Op(
        long index,
        ProcessId process,
        OpType type,
        String f,
        Object value,
        OptionalLong timeNanos,
        Object error,
        Map<Keyword, Object> extra) {

    public Op {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(timeNanos, "timeNanos");
        extra = extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** An operation with no time, error or extra keys. */
    public static Op of(long index, ProcessId process, OpType type, String f, Object value) {
        return new Op(index, process, type, f, value, OptionalLong.empty(), null, Map.of());
    }

    public boolean isInvoke() {
        return type == OpType.INVOKE;
    }

    public boolean isClientOperation() {
        return process.isClient();
    }

    public boolean hasError() {
        return error != null;
    }

    public Op withIndex(long newIndex) {
        return new Op(newIndex, process, type, f, value, timeNanos, error, extra);
    }

    public Op withType(OpType newType) {
        return new Op(index, process, newType, f, value, timeNanos, error, extra);
    }

    public Op withValue(Object newValue) {
        return new Op(index, process, type, f, newValue, timeNanos, error, extra);
    }

    /** The operation as one EDN map, the way {@link EdnHistoryWriter} writes it. */
    @Override
    public String toString() {
        return EdnHistoryWriter.format(this);
    }
}
