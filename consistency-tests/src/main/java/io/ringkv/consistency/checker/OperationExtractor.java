package io.ringkv.consistency.checker;

import io.ringkv.consistency.history.EdnPrinter;
import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.HistoryFormatException;
import io.ringkv.consistency.history.Op;
import io.ringkv.consistency.history.OpType;
import io.ringkv.consistency.history.OperationPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a history into the operations a model sees, grouped by key: pairs invocations with
 * completions, drops nemesis operations and {@code :fail}ed operations (they did not happen), unwraps
 * {@code [key value]} tuples, and picks the model-facing value of each operation.
 */
final class OperationExtractor {

    private static final String CAS = "cas";

    private OperationExtractor() {}

    /** Operations per key, keys in order of first invocation; the single key of a register is null. */
    static Map<Object, List<Operation>> extract(History history, KeySplitting splitting) {
        List<OperationPair> pairs = history.pairs();
        boolean perKey = switch (splitting) {
            case SINGLE -> false;
            case PER_KEY -> true;
            case AUTO -> looksPerKey(pairs);
        };
        Map<Object, List<Operation>> byKey = new LinkedHashMap<>();
        for (OperationPair pair : pairs) {
            if (pair.outcome() == OpType.FAIL) {
                continue;
            }
            Operation operation = perKey ? tupleOperation(pair) : singleOperation(pair);
            byKey.computeIfAbsent(operation.key(), key -> new ArrayList<>()).add(operation);
        }
        return byKey;
    }

    /** The {@link KeySplitting#AUTO} rule: every invocation carries a [key value] tuple. */
    static boolean looksPerKey(List<OperationPair> pairs) {
        return !pairs.isEmpty() && pairs.stream().allMatch(OperationExtractor::looksLikeTuple);
    }

    private static boolean looksLikeTuple(OperationPair pair) {
        if (!(pair.invocation().value() instanceof List<?> tuple) || tuple.size() != 2) {
            return false;
        }
        return !pair.f().equals(CAS) || tuple.get(1) instanceof List<?> oldAndNew && oldAndNew.size() == 2;
    }

    private static Operation singleOperation(OperationPair pair) {
        Object value = modelValue(pair, pair.invocation().value(), completionValue(pair));
        return operation(null, value, pair);
    }

    private static Operation tupleOperation(OperationPair pair) {
        List<?> invoked = tuple(pair.invocation().value(), pair.invocationPosition());
        Object key = invoked.get(0);
        Object completed = null;
        Op completion = pair.completion();
        if (completion != null && completion.value() != null) {
            List<?> completionTuple = tuple(completion.value(), pair.completionPosition());
            if (!Objects.equals(completionTuple.get(0), key)) {
                throw HistoryFormatException.atOperation(
                        pair.completionPosition(),
                        "completion is for key " + EdnPrinter.print(completionTuple.get(0))
                                + " but its invocation is for key " + EdnPrinter.print(key));
            }
            completed = completionTuple.get(1);
        } else if (pair.outcome() == OpType.OK && pair.f().equals(AbstractRegisterModel.READ)) {
            throw HistoryFormatException.atOperation(
                    pair.completionPosition(), "a per-key :ok read needs a [key value] completion value");
        }
        return operation(key, modelValue(pair, invoked.get(1), completed), pair);
    }

    /** Knossos' rule: :ok operations carry the completion's value; crashed ones the invocation's. */
    private static Object modelValue(OperationPair pair, Object invoked, Object completed) {
        if (pair.outcome() != OpType.OK) {
            return invoked;
        }
        if (pair.f().equals(AbstractRegisterModel.READ)) {
            return completed;
        }
        return completed != null ? completed : invoked;
    }

    private static Object completionValue(OperationPair pair) {
        return pair.completion() == null ? null : pair.completion().value();
    }

    private static List<?> tuple(Object value, int position) {
        if (value instanceof List<?> tuple && tuple.size() == 2) {
            return tuple;
        }
        throw HistoryFormatException.atOperation(
                position, "per-key history needs [key value] tuples, found " + EdnPrinter.print(value));
    }

    private static Operation operation(Object key, Object value, OperationPair pair) {
        boolean ok = pair.outcome() == OpType.OK;
        return new Operation(
                key,
                pair.process(),
                pair.f(),
                value,
                ok ? OpType.OK : OpType.INFO,
                pair.invocationPosition(),
                ok ? pair.completionPosition() : -1,
                pair.invocation(),
                pair.completion());
    }
}
