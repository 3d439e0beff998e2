package io.ringkv.consistency.checker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Why a key's history is not linearizable, in two views.
 *
 * <p>The <b>minimal window</b> is the key's history shrunk (see {@link FailureShrinker}) to a few
 * {@code :ok} operations that, with the indeterminate operations listed beside them, are still not
 * linearizable, while weakening any one of them (removing a read, letting any other operation take
 * effect late or never) makes them linearizable. It names the operations involved in the anomaly
 * and nothing else.
 *
 * <p>The <b>furthest point</b> is where the search of the whole history got furthest. Like Knossos'
 * {@code :op} and {@code :final-paths}, it names the operation whose completion could not be passed
 * and the operations that were candidates at that moment.
 *
 * @param key the key, or {@code null} for a single register
 * @param operation the {@code :ok} operation that had to take effect before its completion but could
 *     not in any order the search tried
 * @param stateBefore the model state after the longest linearizable prefix found
 * @param linearizedCount how many operations that prefix holds
 * @param prefixTail the last steps of that prefix, oldest first (at most {@link #TAIL_LENGTH})
 * @param candidates every operation pending at that point (including {@code operation}) with the
 *     reason it could not be next
 * @param minimalWindow the determinate operations of the shrunk history, in history order; empty
 *     when the failure has not been shrunk
 * @param indeterminateInWindow the indeterminate operations of the shrunk history, in history order:
 *     those the model's pruning keeps because they can still matter (for the register models, a
 *     crashed write whose value a kept operation reads or expects). An {@code :ok} operation weakened
 *     while shrinking can appear here too; its {@link Operation#describe description} says so.
 * @param minimal whether the window was shown to be 1-minimal; {@code false} when shrinking stopped
 *     at its search cap or a trial search ran out of budget (the window is then still not
 *     linearizable, only perhaps larger than needed), and when the failure has not been shrunk
 */
public record FailureWindow(
        Object key,
        Operation operation,
        Object stateBefore,
        int linearizedCount,
        List<LinearizedStep> prefixTail,
        List<Candidate> candidates,
        List<Operation> minimalWindow,
        List<Operation> indeterminateInWindow,
        boolean minimal) {

    /** How many steps of the linearized prefix a report keeps. */
    public static final int TAIL_LENGTH = 8;

    public FailureWindow {
        Objects.requireNonNull(operation, "operation");
        prefixTail = List.copyOf(prefixTail);
        candidates = List.copyOf(candidates);
        minimalWindow = List.copyOf(minimalWindow);
        indeterminateInWindow = List.copyOf(indeterminateInWindow);
    }

    /** The furthest point alone, before shrinking. */
    public FailureWindow(
            Object key,
            Operation operation,
            Object stateBefore,
            int linearizedCount,
            List<LinearizedStep> prefixTail,
            List<Candidate> candidates) {
        this(key, operation, stateBefore, linearizedCount, prefixTail, candidates, List.of(), List.of(), false);
    }

    /**
     * Whether the minimal window has been computed. A shrunk window is never empty: operations that
     * may all never have happened are always linearizable.
     */
    public boolean isShrunk() {
        return !minimalWindow.isEmpty();
    }

    /**
     * The shrunk history itself: {@link #minimalWindow} and {@link #indeterminateInWindow} merged in
     * history order, ready to be checked again on its own.
     */
    public List<Operation> windowHistory() {
        List<Operation> merged = new ArrayList<>(minimalWindow);
        merged.addAll(indeterminateInWindow);
        merged.sort(Comparator.comparingInt(Operation::invocationPosition));
        return List.copyOf(merged);
    }

    /** This failure with the result of shrinking it. */
    FailureWindow withShrunkWindow(List<Operation> determinate, List<Operation> indeterminate, boolean isMinimal) {
        return new FailureWindow(
                key,
                operation,
                stateBefore,
                linearizedCount,
                prefixTail,
                candidates,
                determinate,
                indeterminate,
                isMinimal);
    }
}
