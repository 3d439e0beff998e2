package io.ringkv.consistency.report;

import io.ringkv.consistency.history.OpType;
import io.ringkv.consistency.history.ProcessId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One client operation placed on the run's clock: an invocation, its completion if it has one, and the
 * two {@code :time} values. This is what timelines, latency plots and availability are computed from.
 *
 * @param process the client process
 * @param f the function name ({@code read}, {@code write}, {@code add}, ...)
 * @param outcome {@link OpType#OK}, {@link OpType#FAIL} or {@link OpType#INFO}; an invocation that never
 *     completed counts as {@link OpType#INFO}
 * @param invokeNanos the invocation's {@code :time}
 * @param completeNanos the completion's {@code :time}; empty when there is no completion or it carries
 *     no time
 * @param invokeValue the invocation's value; may be {@code null}
 * @param completionValue the completion's value (what a read returned); {@code null} when absent
 * @param error the completion's {@code :error}; {@code null} when absent
 */
public record TimedOperation(
        ProcessId process,
        String f,
        OpType outcome,
        long invokeNanos,
        OptionalLong completeNanos,
        Object invokeValue,
        Object completionValue,
        Object error) {

    public TimedOperation {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(completeNanos, "completeNanos");
        if (!outcome.isCompletion()) {
            throw new IllegalArgumentException("an outcome is :ok, :fail or :info, not :invoke");
        }
        if (completeNanos.isPresent() && completeNanos.getAsLong() < invokeNanos) {
            throw new IllegalArgumentException(
                    "completion at " + completeNanos.getAsLong() + " precedes invocation at " + invokeNanos);
        }
    }

    /** Completion time minus invocation time; empty when the completion time is unknown. */
    public OptionalLong latencyNanos() {
        return completeNanos.isPresent()
                ? OptionalLong.of(completeNanos.getAsLong() - invokeNanos)
                : OptionalLong.empty();
    }

    /** The value worth showing: what the completion carried (a read's result), else what was invoked. */
    public Object displayValue() {
        return completionValue != null ? completionValue : invokeValue;
    }
}
