package io.ringkv.consistency.checker;

import io.ringkv.consistency.history.OpType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shrinks the operations of a key that {@link WglSearch} found not linearizable to a window a person
 * can read: the few determinate operations whose real-time order alone rules out every
 * linearization. {@link LinearizabilityChecker#checkKey} runs it on invalid keys only, so valid
 * histories pay nothing for it.
 *
 * <p>Two steps, each re-checked with a fresh {@link WglSearch}:
 *
 * <ol>
 *   <li><b>Truncate</b> to the operations invoked before the completion of the furthest blocked
 *       operation. Every branch of the search failed at or before that completion, so later
 *       operations cannot have helped; the search confirms it, and the full list is kept if it does
 *       not.
 *   <li><b>Weaken</b> the {@code :ok} operations, from the last to the first: a read-only operation
 *       is removed, any other becomes indeterminate (it may then take effect any time after its
 *       invocation, or never). A weakening is kept while the history stays invalid. Operations are
 *       tried in groups that halve when refused, as in delta debugging, down to single operations,
 *       so that a long run of operations unrelated to the anomaly costs one search rather than one
 *       each. Weakening never turns a linearizable history into a non-linearizable one, so an
 *       operation whose weakening was refused on its own would be refused again later, against a
 *       weaker history: one pass leaves a 1-minimal window, in which weakening any single kept
 *       operation makes the rest linearizable. Indeterminate operations are never removed: that
 *       would be a strengthening, and a window stronger than the history could fail for a reason
 *       the history does not have (a read of a crashed write's value, with the write gone).
 * </ol>
 *
 * <p>The window reported is the shrunk history after the model's {@link Model#prune pruning}, which
 * keeps the verdict exactly: its indeterminate operations are those that can still matter (for the
 * register models, those whose value some remaining operation reads or expects). The work is
 * bounded by a number of searches and a state budget per search; when either stops the shrinking
 * early, the window is still invalid but is not claimed to be minimal. Not thread-safe: one instance
 * per key, like {@link WglSearch}.
 */
final class FailureShrinker {

    /** The default search cap is this many searches per operation of the key. */
    static final int SEARCHES_PER_OPERATION = 4;

    private final Model model;
    private final Object key;
    private final long maxStatesPerSearch;
    private final int maxSearches;
    private int searches;
    private boolean capReached;
    private boolean undecided;

    FailureShrinker(Model model, Object key, long maxStatesPerSearch, int maxSearches) {
        if (maxSearches < 1) {
            throw new IllegalArgumentException("maxSearches must be at least 1, was " + maxSearches);
        }
        this.model = model;
        this.key = key;
        this.maxStatesPerSearch = maxStatesPerSearch;
        this.maxSearches = maxSearches;
    }

    /**
     * Returns {@code failure} with its minimal window filled in.
     *
     * @param operations the key's operations as the search saw them (not linearizable)
     * @param failure the furthest point that search reached
     */
    FailureWindow shrink(List<Operation> operations, FailureWindow failure) {
        List<Operation> truncated = truncated(operations, failure.operation());
        List<Operation> current = weakenEach(truncated, determinateFromLast(truncated));
        List<Operation> window = model.prune(current);
        List<Operation> determinate = new ArrayList<>();
        List<Operation> indeterminate = new ArrayList<>();
        for (Operation operation : window) {
            if (operation.isIndeterminate()) {
                indeterminate.add(operation);
            } else {
                determinate.add(operation);
            }
        }
        return failure.withShrunkWindow(determinate, indeterminate, !capReached && !undecided);
    }

    /** The operations invoked before {@code blocked} completed, if they alone are not linearizable. */
    private List<Operation> truncated(List<Operation> operations, Operation blocked) {
        List<Operation> prefix = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation.invocationPosition() < blocked.completionPosition()) {
                prefix.add(operation);
            }
        }
        if (prefix.size() == operations.size()) {
            return operations;
        }
        return search(prefix) == Verdict.INVALID ? prefix : operations;
    }

    private static List<Operation> determinateFromLast(List<Operation> operations) {
        List<Operation> order = new ArrayList<>();
        for (int i = operations.size() - 1; i >= 0; i--) {
            if (!operations.get(i).isIndeterminate()) {
                order.add(operations.get(i));
            }
        }
        return order;
    }

    /**
     * Weakens every operation of {@code group} whose weakening keeps {@code operations} invalid, and
     * returns the result: the whole group at once, else its first half then its second half, down to
     * single operations. Every operation left unweakened was refused on its own.
     */
    private List<Operation> weakenEach(List<Operation> operations, List<Operation> group) {
        if (group.isEmpty()) {
            return operations;
        }
        if (searches >= maxSearches) {
            capReached = true;
            return operations;
        }
        List<Operation> trial = weakened(operations, group);
        Verdict verdict = search(trial);
        if (verdict == Verdict.INVALID) {
            return trial;
        }
        if (group.size() == 1) {
            // Kept; without a VALID answer nobody knows whether that was needed.
            undecided |= verdict == Verdict.UNKNOWN;
            return operations;
        }
        int half = group.size() / 2;
        List<Operation> afterFirstHalf = weakenEach(operations, group.subList(0, half));
        return weakenEach(afterFirstHalf, group.subList(half, group.size()));
    }

    /** {@code operations} with the reads of {@code group} removed and its other members made indeterminate. */
    private List<Operation> weakened(List<Operation> operations, List<Operation> group) {
        Set<Operation> weakening = new HashSet<>(group);
        List<Operation> trial = new ArrayList<>(operations.size());
        for (Operation operation : operations) {
            if (!weakening.contains(operation)) {
                trial.add(operation);
            } else if (!model.isReadOnly(operation)) {
                trial.add(indeterminate(operation));
            }
        }
        return trial;
    }

    /** The same operation with its completion no longer bounding when it took effect. */
    private static Operation indeterminate(Operation operation) {
        return new Operation(
                operation.key(),
                operation.process(),
                operation.f(),
                operation.value(),
                OpType.INFO,
                operation.invocationPosition(),
                -1,
                operation.invocation(),
                operation.completion());
    }

    private Verdict search(List<Operation> operations) {
        searches++;
        List<Operation> pruned = model.prune(operations);
        return new WglSearch(model, key, pruned, maxStatesPerSearch)
                .run(operations.size())
                .valid();
    }
}
