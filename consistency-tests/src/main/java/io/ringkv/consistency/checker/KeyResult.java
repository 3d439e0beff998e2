package io.ringkv.consistency.checker;

/**
 * The verdict for one key (or for the whole history when it is a single register).
 *
 * @param key the key, or {@code null} for a single register
 * @param valid the verdict
 * @param operationCount operations of this key after dropping failed ones
 * @param searchedOperationCount operations left after the model's pruning (what the search saw)
 * @param statesExplored distinct (linearized set, state) pairs the search visited
 * @param failure where linearization got stuck; {@code null} unless invalid
 * @param unknownReason why no verdict could be reached; {@code null} unless unknown
 */
public record KeyResult(
        Object key,
        Verdict valid,
        int operationCount,
        int searchedOperationCount,
        long statesExplored,
        FailureWindow failure,
        String unknownReason) {

    public boolean isValid() {
        return valid == Verdict.VALID;
    }
}
