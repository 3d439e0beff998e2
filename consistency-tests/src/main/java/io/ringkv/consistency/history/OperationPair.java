package io.ringkv.consistency.history;

import java.util.Objects;

/**
 * An invocation together with its completion, the unit that checkers reason about. The completion of
 * an invocation is the next operation of the same process; an invocation that has none (the history
 * ended, or the process invoked again) is treated as {@code :info}: it may or may not have happened.
 *
 * @param invocation the {@code :invoke} operation
 * @param completion the completion, or {@code null} when the history has none
 * @param invocationPosition 0-based position of the invocation in the history
 * @param completionPosition 0-based position of the completion, or {@code -1} when there is none
 */
public record OperationPair(Op invocation, Op completion, int invocationPosition, int completionPosition) {

    public OperationPair {
        Objects.requireNonNull(invocation, "invocation");
        if (!invocation.isInvoke()) {
            throw new IllegalArgumentException("not an invocation: " + invocation);
        }
        if ((completion == null) != (completionPosition < 0)) {
            throw new IllegalArgumentException("completion and its position must both be present or absent");
        }
    }

    /** {@link OpType#OK}, {@link OpType#FAIL} or {@link OpType#INFO} (also for a missing completion). */
    public OpType outcome() {
        return completion == null ? OpType.INFO : completion.type();
    }

    /** True when the operation may have taken effect at any time after its invocation, or never. */
    public boolean isIndeterminate() {
        return outcome() == OpType.INFO;
    }

    public ProcessId process() {
        return invocation.process();
    }

    public String f() {
        return invocation.f();
    }
}
