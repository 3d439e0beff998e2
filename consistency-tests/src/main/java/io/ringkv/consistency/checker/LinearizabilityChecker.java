package io.ringkv.consistency.checker;

import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.HistoryFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a history is linearizable with respect to a {@link Model}.
 *
 * <p>Semantics follow Knossos: nemesis operations are ignored; {@code :fail}ed operations did not
 * happen and are removed; an {@code :info} operation (or an invocation never completed) may have taken
 * effect at any point after its invocation, or never. Per-key histories ({@code [key value]} tuples,
 * see {@link KeySplitting}) are split and each key is checked on its own, which is sound because
 * linearizability is compositional. Each key is searched with {@link WglSearch}; a key whose search
 * visits more than {@link #maxStatesPerKey()} states gets the verdict {@link Verdict#UNKNOWN} instead
 * of running without bound. An invalid key's failure is then shrunk to a minimal window of operations
 * (see {@link FailureShrinker} and {@link FailureWindow}), with at most four further searches per
 * operation of the key, each under the same budget; {@link KeyResult#statesExplored()} counts the
 * deciding search only.
 *
 * <p>Immutable and thread-safe; {@link #check} may be called concurrently. Memory grows with the
 * number of states visited: roughly (operations of the key / 8 + 60) bytes per state.
 */
public final class LinearizabilityChecker {

    /** Default search budget per key: enough for ordinary test histories, small enough for a 1 GB heap. */
    public static final long DEFAULT_MAX_STATES_PER_KEY = 1_000_000;

    private final Model model;
    private final KeySplitting keySplitting;
    private final long maxStatesPerKey;

    public LinearizabilityChecker(Model model) {
        this(model, KeySplitting.AUTO, DEFAULT_MAX_STATES_PER_KEY);
    }

    private LinearizabilityChecker(Model model, KeySplitting keySplitting, long maxStatesPerKey) {
        this.model = Objects.requireNonNull(model, "model");
        this.keySplitting = Objects.requireNonNull(keySplitting, "keySplitting");
        if (maxStatesPerKey < 1) {
            throw new IllegalArgumentException("maxStatesPerKey must be at least 1, was " + maxStatesPerKey);
        }
        this.maxStatesPerKey = maxStatesPerKey;
    }

    public LinearizabilityChecker withKeySplitting(KeySplitting splitting) {
        return new LinearizabilityChecker(model, splitting, maxStatesPerKey);
    }

    public LinearizabilityChecker withMaxStatesPerKey(long maxStates) {
        return new LinearizabilityChecker(model, keySplitting, maxStates);
    }

    public Model model() {
        return model;
    }

    public KeySplitting keySplitting() {
        return keySplitting;
    }

    public long maxStatesPerKey() {
        return maxStatesPerKey;
    }

    /**
     * Checks a whole history.
     *
     * @throws HistoryFormatException when operations cannot be paired, tuples are malformed, or the
     *     model does not know a function
     */
    public CheckResult check(History history) {
        Map<Object, List<Operation>> byKey = OperationExtractor.extract(history, keySplitting);
        List<KeyResult> results = new ArrayList<>(byKey.size());
        for (Map.Entry<Object, List<Operation>> entry : byKey.entrySet()) {
            results.add(checkKey(entry.getKey(), entry.getValue()));
        }
        return CheckResult.of(model.name(), results);
    }

    /**
     * Checks the operations of one key, already extracted (for callers that build operations
     * themselves, such as generators).
     *
     * @throws HistoryFormatException when the model does not accept an operation
     */
    public KeyResult checkKey(Object key, List<Operation> operations) {
        for (Operation operation : operations) {
            model.validate(operation);
        }
        List<Operation> searched = model.prune(operations);
        KeyResult result = new WglSearch(model, key, searched, maxStatesPerKey).run(operations.size());
        if (result.valid() != Verdict.INVALID || result.failure() == null) {
            return result;
        }
        int maxSearches = FailureShrinker.SEARCHES_PER_OPERATION * searched.size();
        FailureWindow shrunk =
                new FailureShrinker(model, key, maxStatesPerKey, maxSearches).shrink(searched, result.failure());
        return new KeyResult(
                key,
                result.valid(),
                result.operationCount(),
                result.searchedOperationCount(),
                result.statesExplored(),
                shrunk,
                result.unknownReason());
    }
}
