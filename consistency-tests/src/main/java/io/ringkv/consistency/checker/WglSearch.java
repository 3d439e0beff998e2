package io.ringkv.consistency.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Wing–Gong linearizability search with Lowe's memoisation (as in Lowe, "Testing for
 * linearizability", 2017, and in porcupine), for the operations of one key.
 *
 * <p>Calls and returns sit in one doubly linked list in real-time order. The candidates for the next
 * linearization point are the calls before the first return in the list. A candidate may be
 * linearized if the model accepts it in the current state and the resulting (linearized set, state)
 * pair has not been explored before; it is then lifted out of the list (call and return) and the
 * search goes one level deeper. When no candidate is left at a level, the operation of the first
 * return could not be linearized in time, so the search backtracks: it pops the last linearized
 * operation, puts it back (dancing links: removals are undone in reverse order) and tries the next
 * candidate of that level. An indeterminate operation has a call but no return (an infinite return
 * time), so it may be linearized anywhere after its invocation or not at all; the search succeeds when
 * no return is left in the list.
 *
 * <p>Two refinements order the work without changing the verdict. A legal read-only candidate (see
 * {@link Model#isReadOnly}) is linearized at once and its alternatives are never tried, because it
 * could be moved to the front of any linearization of the pending operations; this keeps reads,
 * usually the bulk of a history, from multiplying the search. The other candidates are tried earliest
 * deadline first (soonest completion first, indeterminate operations last).
 *
 * <p>The stack is explicit, the linearized set is a {@code long[]} bitset with an incremental
 * (Zobrist) hash, and the number of distinct (set, state) pairs is bounded by a budget: past it the
 * answer is {@link Verdict#UNKNOWN}, never a guess. Not thread-safe: one instance per run.
 */
final class WglSearch {

    private static final int HEAD = 0;

    private final Model model;
    private final Object key;
    private final List<Operation> operations;
    private final long maxStates;

    private final int tail;
    private final int[] next;
    private final int[] previous;
    private final int[] nodeOperation;
    private final boolean[] nodeIsCall;
    private final int[] callNode;
    private final int[] returnNode;

    private final long[] linearized;
    private long linearizedHash;
    private final int[] stackOperations;
    private final Object[] stackStatesBefore;
    private final boolean[] stackForced;
    private final boolean[] readOnly;
    private final long[] tryOrder;
    private int depth;
    private Object currentState;
    private final VisitedStates visited = new VisitedStates();

    private int bestReturnPosition = -1;
    private FailureWindow bestFailure;

    WglSearch(Model model, Object key, List<Operation> operations, long maxStates) {
        this.model = model;
        this.key = key;
        this.operations = List.copyOf(operations);
        this.maxStates = maxStates;
        int count = this.operations.size();
        long[][] events = new long[2 * count][];
        int eventCount = 0;
        for (int operation = 0; operation < count; operation++) {
            Operation op = this.operations.get(operation);
            events[eventCount++] = new long[] {op.invocationPosition(), operation, 1};
            if (!op.isIndeterminate()) {
                events[eventCount++] = new long[] {op.completionPosition(), operation, 0};
            }
        }
        long[][] sorted = Arrays.copyOf(events, eventCount);
        Arrays.sort(sorted, (left, right) -> Long.compare(left[0], right[0]));
        tail = eventCount + 1;
        next = new int[eventCount + 2];
        previous = new int[eventCount + 2];
        nodeOperation = new int[eventCount + 2];
        nodeIsCall = new boolean[eventCount + 2];
        callNode = new int[count];
        returnNode = new int[count];
        Arrays.fill(returnNode, -1);
        for (int node = 0; node <= tail; node++) {
            next[node] = node + 1;
            previous[node] = node - 1;
        }
        for (int i = 0; i < eventCount; i++) {
            int node = i + 1;
            int operation = (int) sorted[i][1];
            nodeOperation[node] = operation;
            nodeIsCall[node] = sorted[i][2] == 1;
            if (nodeIsCall[node]) {
                callNode[operation] = node;
            } else {
                returnNode[operation] = node;
            }
        }
        linearized = new long[(count + 63) >>> 6];
        stackOperations = new int[count];
        stackStatesBefore = new Object[count];
        stackForced = new boolean[count];
        readOnly = new boolean[count];
        tryOrder = new long[count];
        long afterAllPositions = Integer.MAX_VALUE;
        for (int operation = 0; operation < count; operation++) {
            Operation op = this.operations.get(operation);
            readOnly[operation] = model.isReadOnly(op);
            // Earliest deadline first: an operation whose completion comes sooner must be linearized
            // sooner. Indeterminate operations have no deadline and are tried last.
            tryOrder[operation] =
                    op.isIndeterminate() ? afterAllPositions + op.invocationPosition() : op.completionPosition();
        }
    }

    KeyResult run(int originalOperationCount) {
        Object state = model.initialState();
        long lastTriedOrder = -1;
        boolean freshConfiguration = true;
        while (true) {
            int firstReturn = firstReturnNode();
            if (firstReturn < 0) {
                // Only indeterminate operations are left; they may all never have happened.
                return result(Verdict.VALID, originalOperationCount, null, null);
            }
            if (freshConfiguration) {
                freshConfiguration = false;
                int readOnlyCandidate = legalReadOnlyCandidate(state, firstReturn);
                if (readOnlyCandidate >= 0) {
                    if (tryPush(readOnlyCandidate, state, state, true)) {
                        if (visited.size() > maxStates) {
                            return budgetExhausted(originalOperationCount);
                        }
                        lastTriedOrder = -1;
                        freshConfiguration = true;
                        continue;
                    }
                    // Explored before without success; since the read-only operation could have gone
                    // first in any linearization from here, this configuration fails too.
                    int undone = backtrack();
                    if (undone < 0) {
                        return result(Verdict.INVALID, originalOperationCount, bestFailure, null);
                    }
                    state = currentState;
                    lastTriedOrder = tryOrder[undone];
                    continue;
                }
            }
            int candidate = nextCandidate(lastTriedOrder, firstReturn);
            if (candidate < 0) {
                recordProgress(firstReturn, state);
                int undone = backtrack();
                if (undone < 0) {
                    return result(Verdict.INVALID, originalOperationCount, bestFailure, null);
                }
                state = currentState;
                lastTriedOrder = tryOrder[undone];
                continue;
            }
            lastTriedOrder = tryOrder[candidate];
            Object after = model.step(state, operations.get(candidate));
            if (after != Model.INCONSISTENT && tryPush(candidate, state, after, false)) {
                if (visited.size() > maxStates) {
                    return budgetExhausted(originalOperationCount);
                }
                state = after;
                lastTriedOrder = -1;
                freshConfiguration = true;
            }
        }
    }

    /** The first return node in the list, or -1 when only calls (of indeterminate operations) remain. */
    private int firstReturnNode() {
        for (int node = next[HEAD]; node != tail; node = next[node]) {
            if (!nodeIsCall[node]) {
                return node;
            }
        }
        return -1;
    }

    /**
     * The untried candidate (a call before {@code firstReturn}) with the smallest try order above
     * {@code lastTriedOrder}, or -1. Read-only candidates are skipped: when one is legal it is taken
     * as a forced step before any other candidate is considered.
     */
    private int nextCandidate(long lastTriedOrder, int firstReturn) {
        int best = -1;
        for (int node = next[HEAD]; node != firstReturn; node = next[node]) {
            int operation = nodeOperation[node];
            if (!readOnly[operation]
                    && tryOrder[operation] > lastTriedOrder
                    && (best < 0 || tryOrder[operation] < tryOrder[best])) {
                best = operation;
            }
        }
        return best;
    }

    /**
     * Linearizes {@code operation} (state {@code before} to {@code after}) unless that configuration
     * was explored already. Returns whether it did.
     */
    private boolean tryPush(int operation, Object before, Object after, boolean forced) {
        long hashAfter = linearizedHash ^ zobrist(operation);
        setBit(operation);
        if (!visited.add(linearized, hashAfter, after)) {
            clearBit(operation);
            return false;
        }
        stackOperations[depth] = operation;
        stackStatesBefore[depth] = before;
        stackForced[depth] = forced;
        depth++;
        linearizedHash = hashAfter;
        lift(operation);
        return true;
    }

    /**
     * Undoes linearized operations until one whose alternatives are still worth trying: operations
     * linearized as forced read-only steps have no alternatives, so their configuration fails with
     * them. Leaves the restored state in {@link #currentState} and returns the operation undone last,
     * or -1 when the stack ran empty (no linearization exists).
     */
    private int backtrack() {
        while (depth > 0) {
            depth--;
            int undone = stackOperations[depth];
            currentState = stackStatesBefore[depth];
            stackStatesBefore[depth] = null;
            clearBit(undone);
            linearizedHash ^= zobrist(undone);
            unlift(undone);
            if (!stackForced[depth]) {
                return undone;
            }
        }
        return -1;
    }

    /** A read-only operation among the current candidates that is legal in {@code state}, or -1. */
    private int legalReadOnlyCandidate(Object state, int firstReturn) {
        for (int node = next[HEAD]; node != firstReturn; node = next[node]) {
            int operation = nodeOperation[node];
            if (readOnly[operation] && model.step(state, operations.get(operation)) != Model.INCONSISTENT) {
                return operation;
            }
        }
        return -1;
    }

    private KeyResult budgetExhausted(int originalOperationCount) {
        return result(
                Verdict.UNKNOWN,
                originalOperationCount,
                null,
                "search budget of " + maxStates + " states exhausted after linearizing up to " + depth + " of "
                        + operations.size() + " operations");
    }

    private KeyResult result(Verdict verdict, int originalOperationCount, FailureWindow failure, String reason) {
        return new KeyResult(key, verdict, originalOperationCount, operations.size(), visited.size(), failure, reason);
    }

    /** Keeps the furthest point reached (latest blocking return) as the failure window. */
    private void recordProgress(int returnEntry, Object state) {
        int blocked = nodeOperation[returnEntry];
        int position = operations.get(blocked).completionPosition();
        if (position <= bestReturnPosition) {
            return;
        }
        bestReturnPosition = position;
        List<LinearizedStep> prefixTail = new ArrayList<>();
        for (int i = Math.max(0, depth - FailureWindow.TAIL_LENGTH); i < depth; i++) {
            Object after = i + 1 < depth ? stackStatesBefore[i + 1] : state;
            prefixTail.add(new LinearizedStep(operations.get(stackOperations[i]), after));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int node = next[HEAD]; node != returnEntry; node = next[node]) {
            Operation candidate = operations.get(nodeOperation[node]);
            Object after = model.step(state, candidate);
            String explanation = after == Model.INCONSISTENT
                    ? model.explain(state, candidate)
                    : "legal here (state becomes " + model.describeState(after)
                            + "), but no linearization continues from there";
            candidates.add(new Candidate(candidate, explanation));
        }
        bestFailure = new FailureWindow(key, operations.get(blocked), state, depth, prefixTail, candidates);
    }

    private void lift(int operation) {
        unlink(callNode[operation]);
        if (returnNode[operation] >= 0) {
            unlink(returnNode[operation]);
        }
    }

    private void unlift(int operation) {
        if (returnNode[operation] >= 0) {
            relink(returnNode[operation]);
        }
        relink(callNode[operation]);
    }

    private void unlink(int node) {
        next[previous[node]] = next[node];
        previous[next[node]] = previous[node];
    }

    private void relink(int node) {
        next[previous[node]] = node;
        previous[next[node]] = node;
    }

    private void setBit(int operation) {
        linearized[operation >>> 6] |= 1L << operation;
    }

    private void clearBit(int operation) {
        linearized[operation >>> 6] &= ~(1L << operation);
    }

    private static long zobrist(int operation) {
        return VisitedStates.mix((operation + 1L) * 0x9E3779B97F4A7C15L);
    }
}
