package io.ringkv.consistency.checker;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that replicas converged: for every key, every replica in its preference list holds exactly the
 * same versions (same dots, same values, tombstones included). Pure: the caller reads the replicas
 * (after the faults healed and the cluster went quiet) and passes what each one held; polling until the
 * replicas agree, within a bound, is the caller's job too.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConvergenceChecker {

    /**
     * @param replicasByKey for each key (in its printable form) the state of each of its replicas
     */
    public ConvergenceResult check(Map<String, List<ReplicaState>> replicasByKey) {
        Map<String, List<ReplicaState>> divergent = new LinkedHashMap<>();
        Map<String, List<ReplicaState>> unreadable = new LinkedHashMap<>();
        for (Map.Entry<String, List<ReplicaState>> entry : replicasByKey.entrySet()) {
            Set<List<String>> distinct = new HashSet<>();
            boolean anyUnreadable = false;
            for (ReplicaState replica : entry.getValue()) {
                if (replica.readable()) {
                    distinct.add(replica.versions());
                } else {
                    anyUnreadable = true;
                }
            }
            if (distinct.size() > 1) {
                divergent.put(entry.getKey(), entry.getValue());
            } else if (anyUnreadable) {
                unreadable.put(entry.getKey(), entry.getValue());
            }
        }
        Verdict verdict =
                !divergent.isEmpty() ? Verdict.INVALID : unreadable.isEmpty() ? Verdict.VALID : Verdict.UNKNOWN;
        return new ConvergenceResult(verdict, replicasByKey.size(), divergent, unreadable);
    }
}
