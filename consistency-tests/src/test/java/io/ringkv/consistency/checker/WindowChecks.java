package io.ringkv.consistency.checker;

import io.ringkv.consistency.history.OpType;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-checks a shrunk failure window independently of the shrinker: by brute force when the window is
 * tiny, else with a fresh search. Weakening is written out again here, on purpose, rather than reused
 * from the code under test.
 */
final class WindowChecks {

    private static final int BRUTE_FORCE_LIMIT = 12;

    private WindowChecks() {}

    /** Whether {@code operations} can be linearized. */
    static boolean isLinearizable(Model model, List<Operation> operations) {
        if (operations.size() <= BRUTE_FORCE_LIMIT) {
            return BruteForceLinearizability.isLinearizable(model, operations);
        }
        Verdict verdict =
                new LinearizabilityChecker(model).checkKey(null, operations).valid();
        if (verdict == Verdict.UNKNOWN) {
            throw new IllegalStateException("could not decide a window of " + operations.size() + " operations");
        }
        return verdict == Verdict.VALID;
    }

    /** Whether the window would be checked by brute force. */
    static boolean fitsBruteForce(List<Operation> operations) {
        return operations.size() <= BRUTE_FORCE_LIMIT;
    }

    /**
     * The operations of {@code window} whose weakening leaves the rest not linearizable: empty for a
     * 1-minimal window.
     */
    static List<Operation> needlessOperations(Model model, FailureWindow window) {
        List<Operation> history = window.windowHistory();
        List<Operation> needless = new ArrayList<>();
        for (Operation kept : window.minimalWindow()) {
            if (!isLinearizable(model, weakened(model, history, kept))) {
                needless.add(kept);
            }
        }
        return needless;
    }

    /** {@code history} without the read {@code operation}, or with {@code operation} crashed. */
    static List<Operation> weakened(Model model, List<Operation> history, Operation operation) {
        List<Operation> result = new ArrayList<>();
        for (Operation other : history) {
            if (!other.equals(operation)) {
                result.add(other);
            } else if (!model.isReadOnly(other)) {
                result.add(new Operation(
                        other.key(),
                        other.process(),
                        other.f(),
                        other.value(),
                        OpType.INFO,
                        other.invocationPosition(),
                        -1,
                        other.invocation(),
                        other.completion()));
            }
        }
        return result;
    }
}
