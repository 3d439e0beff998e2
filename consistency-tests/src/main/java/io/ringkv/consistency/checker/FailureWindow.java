package io.ringkv.consistency.checker;

import java.util.List;

/**
 * Where a key's history stops being linearizable, as far as the search could tell: the furthest point
 * any attempted linearization reached. Like Knossos' {@code :op} and {@code :final-paths}, it names the
 * operation whose completion could not be passed and the operations that were candidates at that
 * moment, which is usually enough to see the anomaly (a stale read, a lost write) by eye.
 *
 * @param key the key, or {@code null} for a single register
 * @param operation the {@code :ok} operation that had to take effect before its completion but could
 *     not in any order the search tried
 * @param stateBefore the model state after the longest linearizable prefix found
 * @param linearizedCount how many operations that prefix holds
 * @param prefixTail the last steps of that prefix, oldest first (at most {@link #TAIL_LENGTH})
 * @param candidates every operation pending at that point (including {@code operation}) with the
 *     reason it could not be next
 */
public record FailureWindow(
        Object key,
        Operation operation,
        Object stateBefore,
        int linearizedCount,
        List<LinearizedStep> prefixTail,
        List<Candidate> candidates) {

    /** How many steps of the linearized prefix a report keeps. */
    public static final int TAIL_LENGTH = 8;

    public FailureWindow {
        prefixTail = List.copyOf(prefixTail);
        candidates = List.copyOf(candidates);
    }
}
