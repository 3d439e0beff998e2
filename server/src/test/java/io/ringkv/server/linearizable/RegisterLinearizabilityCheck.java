package io.ringkv.server.linearizable;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A small brute-force linearizability check of one register's history (Wing and Gong's search with
 * memoisation of visited states), for the short histories of the randomized tests: at most 64
 * operations. The real checker lives in the consistency suite, which the server cannot depend on.
 *
 * <p>Writes of {@code null} are deletes; a read of {@code null} found nothing. An operation whose outcome is
 * unknown has {@code completedAt == UNKNOWN}: it may take effect at any point after its invocation, or
 * never. Definitely failed operations and reads of unknown outcome must be left out of the history.
 */
final class RegisterLinearizabilityCheck {

    static final long UNKNOWN = Long.MAX_VALUE;

    /**
     * @param invokedAt when the client invoked it, on one clock shared by the whole history
     * @param completedAt when its answer arrived, or {@link #UNKNOWN}
     */
    record Operation(int process, boolean write, Integer value, long invokedAt, long completedAt) {

        static Operation write(int process, Integer value, long invokedAt, long completedAt) {
            return new Operation(process, true, value, invokedAt, completedAt);
        }

        static Operation read(int process, Integer value, long invokedAt, long completedAt) {
            return new Operation(process, false, value, invokedAt, completedAt);
        }

        boolean acknowledged() {
            return completedAt != UNKNOWN;
        }

        @Override
        public String toString() {
            return "p" + process + " " + (write ? "write " : "read ") + value + " [" + invokedAt + ", "
                    + (acknowledged() ? String.valueOf(completedAt) : "?") + "]";
        }
    }

    private record State(long linearized, Integer value) {}

    private final List<Operation> history;
    private final long acknowledgedMask;
    private final Set<State> visited = new HashSet<>();

    private RegisterLinearizabilityCheck(List<Operation> history) {
        if (history.size() > 64) {
            throw new IllegalArgumentException("this check handles at most 64 operations, got " + history.size());
        }
        this.history = List.copyOf(history);
        long mask = 0;
        for (int i = 0; i < history.size(); i++) {
            Operation operation = history.get(i);
            if (!operation.acknowledged() && !operation.write()) {
                throw new IllegalArgumentException("leave reads of unknown outcome out: " + operation);
            }
            if (operation.acknowledged()) {
                mask |= 1L << i;
            }
        }
        this.acknowledgedMask = mask;
    }

    /** True when some total order of the operations respects real time and the register's semantics. */
    static boolean isLinearizable(List<Operation> history, Integer initialValue) {
        return new RegisterLinearizabilityCheck(history).search(0, initialValue);
    }

    private boolean search(long linearized, Integer value) {
        if ((linearized & acknowledgedMask) == acknowledgedMask) {
            return true;
        }
        if (!visited.add(new State(linearized, value))) {
            return false;
        }
        // An operation may go next only if it was invoked before every pending acknowledged one completed.
        long earliestCompletion = UNKNOWN;
        for (int i = 0; i < history.size(); i++) {
            if ((linearized & (1L << i)) == 0 && history.get(i).acknowledged()) {
                earliestCompletion = Math.min(earliestCompletion, history.get(i).completedAt());
            }
        }
        for (int i = 0; i < history.size(); i++) {
            Operation candidate = history.get(i);
            if ((linearized & (1L << i)) != 0 || candidate.invokedAt() >= earliestCompletion) {
                continue;
            }
            long next = linearized | (1L << i);
            if (candidate.write()) {
                if (search(next, candidate.value())) {
                    return true;
                }
            } else if (Objects.equals(candidate.value(), value) && search(next, value)) {
                return true;
            }
        }
        return false;
    }
}
