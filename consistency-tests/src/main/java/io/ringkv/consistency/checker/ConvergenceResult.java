package io.ringkv.consistency.checker;

import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link ConvergenceChecker}.
 *
 * @param valid valid when every replica of every key holds the same versions; invalid when two replicas
 *     differ; unknown when some replica could not be read and the others agree
 * @param keyCount keys checked
 * @param divergent the keys whose readable replicas differ, each with what every replica held
 * @param unreadable the keys with a replica that could not be read, each with every replica's state
 */
public record ConvergenceResult(
        Verdict valid,
        int keyCount,
        Map<String, List<ReplicaState>> divergent,
        Map<String, List<ReplicaState>> unreadable) {

    public ConvergenceResult {
        divergent = Map.copyOf(divergent);
        unreadable = Map.copyOf(unreadable);
    }

    public boolean isValid() {
        return valid == Verdict.VALID;
    }

    /** One line for logs and reports. */
    public String summary() {
        return switch (valid) {
            case VALID -> "every replica of all " + keyCount + " keys holds the same versions";
            case INVALID ->
                divergent.size() + " of " + keyCount + " keys differ between replicas: "
                        + divergent.keySet().stream().sorted().toList();
            case UNKNOWN ->
                unreadable.size() + " of " + keyCount + " keys have a replica that could not be read: "
                        + unreadable.keySet().stream().sorted().toList();
        };
    }
}
