package io.ringkv.consistency.checker;

import java.util.List;

/**
 * A slow, obviously correct linearizability check for tiny histories: tries every order of the
 * operations that respects real time, with every subset of the indeterminate operations left out.
 * No pruning, no memo, no read-only shortcut: the reference the real search is compared against.
 */
final class BruteForceLinearizability {

    private BruteForceLinearizability() {}

    static boolean isLinearizable(Model model, List<Operation> operations) {
        if (operations.size() > 12) {
            throw new IllegalArgumentException("brute force is for tiny histories only");
        }
        return search(model, operations, new boolean[operations.size()], model.initialState());
    }

    private static boolean search(Model model, List<Operation> operations, boolean[] done, Object state) {
        boolean allDeterminateDone = true;
        for (int i = 0; i < operations.size(); i++) {
            if (!done[i] && !operations.get(i).isIndeterminate()) {
                allDeterminateDone = false;
            }
        }
        if (allDeterminateDone) {
            return true;
        }
        for (int i = 0; i < operations.size(); i++) {
            if (done[i] || !mayGoNext(operations, done, i)) {
                continue;
            }
            Object after = model.step(state, operations.get(i));
            if (after == Model.INCONSISTENT) {
                continue;
            }
            done[i] = true;
            boolean found = search(model, operations, done, after);
            done[i] = false;
            if (found) {
                return true;
            }
        }
        return false;
    }

    /** No operation still to place completed before {@code candidate} was invoked. */
    private static boolean mayGoNext(List<Operation> operations, boolean[] done, int candidate) {
        int invoked = operations.get(candidate).invocationPosition();
        for (int j = 0; j < operations.size(); j++) {
            Operation other = operations.get(j);
            if (!done[j] && !other.isIndeterminate() && other.completionPosition() < invoked) {
                return false;
            }
        }
        return true;
    }
}
