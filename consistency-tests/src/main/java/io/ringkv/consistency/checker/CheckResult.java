package io.ringkv.consistency.checker;

import java.util.List;

/**
 * The linearizability verdict for a whole history. With per-key checking the history is valid when
 * every key is; it is invalid as soon as one key is, whatever the others say; otherwise it is unknown
 * when some key's search ran out of budget.
 *
 * @param valid the combined verdict
 * @param model the model's name
 * @param perKey one result per key in order of first invocation (a single entry, key {@code null},
 *     for a single register; empty for a history without client operations)
 * @param failure the failure window of the first invalid key; {@code null} unless invalid
 */
public record CheckResult(Verdict valid, String model, List<KeyResult> perKey, FailureWindow failure) {

    public CheckResult {
        perKey = List.copyOf(perKey);
    }

    /** Combines per-key results. */
    public static CheckResult of(String model, List<KeyResult> perKey) {
        Verdict verdict = Verdict.VALID;
        FailureWindow failure = null;
        for (KeyResult result : perKey) {
            verdict = verdict.and(result.valid());
            if (failure == null && result.valid() == Verdict.INVALID) {
                failure = result.failure();
            }
        }
        return new CheckResult(verdict, model, perKey, failure);
    }

    public boolean isValid() {
        return valid == Verdict.VALID;
    }

    public List<KeyResult> invalidKeys() {
        return perKey.stream()
                .filter(result -> result.valid() == Verdict.INVALID)
                .toList();
    }

    public List<KeyResult> unknownKeys() {
        return perKey.stream()
                .filter(result -> result.valid() == Verdict.UNKNOWN)
                .toList();
    }

    /** Client operations checked (failed operations excluded), over all keys. */
    public long operationCount() {
        return perKey.stream().mapToLong(KeyResult::operationCount).sum();
    }

    public long statesExplored() {
        return perKey.stream().mapToLong(KeyResult::statesExplored).sum();
    }
}
