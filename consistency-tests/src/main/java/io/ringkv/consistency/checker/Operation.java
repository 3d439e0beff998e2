package io.ringkv.consistency.checker;

import io.ringkv.consistency.history.EdnPrinter;
import io.ringkv.consistency.history.Op;
import io.ringkv.consistency.history.OpType;
import io.ringkv.consistency.history.ProcessId;
import java.util.Objects;

/**
 * One operation as a {@link Model} sees it: an invocation paired with its completion, reduced to a
 * function and the value that matters, plus the interval in which it took effect.
 *
 * <p>The value follows Knossos: for an {@code :ok} operation it is the completion's value (what a read
 * returned), falling back to the invocation's value when a write's completion carries none; for an
 * indeterminate ({@code :info}) operation it is the invocation's value. For per-key histories the
 * {@code [key value]} tuple has already been unwrapped.
 *
 * @param key the key this operation belongs to, or {@code null} for a single-register history
 * @param process the client process
 * @param f the function name ({@code read}, {@code write}, {@code cas}, ...)
 * @param value the model-facing value (see above); may be {@code null}
 * @param outcome {@link OpType#OK} or {@link OpType#INFO}; failed operations never reach a model
 * @param invocationPosition position of the invocation in the history
 * @param completionPosition position of the {@code :ok} completion, or {@code -1} when indeterminate
 *     (an {@code :info} completion places no upper bound on when the operation took effect)
 * @param invocation the original invocation, for reports
 * @param completion the original completion, or {@code null} when the history has none
 */
public record Operation(
        Object key,
        ProcessId process,
        String f,
        Object value,
        OpType outcome,
        int invocationPosition,
        int completionPosition,
        Op invocation,
        Op completion) {

    public Operation {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(invocation, "invocation");
        if (outcome != OpType.OK && outcome != OpType.INFO) {
            throw new IllegalArgumentException("a model sees only :ok and :info operations, not " + outcome);
        }
        if ((outcome == OpType.OK) != (completionPosition >= 0)) {
            throw new IllegalArgumentException("only :ok operations have a completion position");
        }
    }

    public boolean isIndeterminate() {
        return outcome == OpType.INFO;
    }

    /**
     * Whether this operation completed {@code :ok} but is treated as indeterminate, as the checker
     * does while it shrinks a failure.
     */
    public boolean isWeakened() {
        return outcome == OpType.INFO && completion != null && completion.type() == OpType.OK;
    }

    /**
     * A readable form such as {@code process 3 :write 5 (:ok, index 12..15)}, or {@code process 3
     * :write 5 (:ok taken as :info, index 12..15)} for a {@link #isWeakened weakened} operation.
     */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("process ").append(process).append(" :").append(f).append(' ');
        EdnPrinter.append(out, value);
        out.append(" (:");
        if (isWeakened()) {
            out.append(completion.type().keywordName()).append(" taken as :");
        }
        out.append(outcome.keywordName()).append(", index ").append(invocation.index());
        if (completion != null) {
            out.append("..").append(completion.index());
            if (outcome == OpType.INFO && !isWeakened()) {
                out.append(" completed :info");
            }
        } else {
            out.append(", never completed");
        }
        return out.append(')').toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
