package io.ringkv.consistency.checker;

import io.ringkv.consistency.history.EdnPrinter;
import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.HistoryFormatException;
import io.ringkv.consistency.history.OpType;
import io.ringkv.consistency.history.OperationPair;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the set-add workload the way Jepsen's {@code set} checker does: clients {@code :add}
 * elements, and a final {@code :read} (the last {@code :ok} read in the history, taken after the
 * cluster healed) returns the whole set. Every acknowledged add must be in it ("no acknowledged write
 * lost") and nothing may be in it that nobody tried to add. Indeterminate adds may go either way;
 * those present are counted as recovered.
 *
 * <p>One rule goes beyond Jepsen's checker: an element whose only add attempts completed {@code :fail}
 * must not be present, because {@code :fail} promises the operation did not happen.
 *
 * <p>Stateless and thread-safe.
 */
public final class SetChecker {

    public static final String ADD = "add";
    public static final String READ = "read";

    /** Orders numbers numerically and everything else by EDN text, numbers first. */
    static final Comparator<Object> ELEMENT_ORDER = SetChecker::compareElements;

    /**
     * Checks {@code history}. Operations other than {@code :add} and {@code :read} (and nemesis
     * operations) are ignored.
     *
     * @throws HistoryFormatException when the final read's value is not a collection, or operations
     *     cannot be paired
     */
    public SetCheckResult check(History history) {
        Set<Object> attempts = new HashSet<>();
        Set<Object> acknowledged = new HashSet<>();
        Set<Object> indeterminate = new HashSet<>();
        Set<Object> failed = new HashSet<>();
        OperationPair finalRead = null;
        for (OperationPair pair : history.pairs()) {
            if (pair.f().equals(ADD)) {
                Object element = pair.invocation().value();
                attempts.add(element);
                switch (pair.outcome()) {
                    case OK -> acknowledged.add(element);
                    case INFO -> indeterminate.add(element);
                    case FAIL -> failed.add(element);
                    default -> throw new IllegalStateException("not a completion: " + pair.outcome());
                }
            } else if (pair.f().equals(READ) && pair.outcome() == OpType.OK) {
                if (finalRead == null || pair.completionPosition() > finalRead.completionPosition()) {
                    finalRead = pair;
                }
            }
        }
        if (finalRead == null) {
            return new SetCheckResult(
                    Verdict.UNKNOWN,
                    attempts.size(),
                    acknowledged.size(),
                    0,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    "the set was never read successfully");
        }
        Set<Object> read = readElements(finalRead);
        List<Object> ok = new ArrayList<>();
        List<Object> unexpected = new ArrayList<>();
        List<Object> recovered = new ArrayList<>();
        List<Object> failedButPresent = new ArrayList<>();
        for (Object element : read) {
            if (attempts.contains(element)) {
                ok.add(element);
            } else {
                unexpected.add(element);
            }
            if (indeterminate.contains(element) && !acknowledged.contains(element)) {
                recovered.add(element);
            }
            if (failed.contains(element) && !acknowledged.contains(element) && !indeterminate.contains(element)) {
                failedButPresent.add(element);
            }
        }
        List<Object> lost = new ArrayList<>();
        for (Object element : acknowledged) {
            if (!read.contains(element)) {
                lost.add(element);
            }
        }
        boolean valid = lost.isEmpty() && unexpected.isEmpty() && failedButPresent.isEmpty();
        return new SetCheckResult(
                valid ? Verdict.VALID : Verdict.INVALID,
                attempts.size(),
                acknowledged.size(),
                ok.size(),
                sorted(lost),
                sorted(unexpected),
                sorted(recovered),
                sorted(failedButPresent),
                null);
    }

    private static Set<Object> readElements(OperationPair read) {
        Object value = read.completion().value();
        if (!(value instanceof Collection<?> elements)) {
            throw HistoryFormatException.atOperation(
                    read.completionPosition(),
                    "the final :read must return a set or vector of elements, found " + EdnPrinter.print(value));
        }
        return new LinkedHashSet<>(elements);
    }

    private static List<Object> sorted(List<Object> elements) {
        List<Object> copy = new ArrayList<>(elements);
        copy.sort(ELEMENT_ORDER);
        return copy;
    }

    private static int compareElements(Object left, Object right) {
        boolean leftNumber = isInteger(left);
        boolean rightNumber = isInteger(right);
        if (leftNumber && rightNumber) {
            return toBigInteger(left).compareTo(toBigInteger(right));
        }
        if (leftNumber != rightNumber) {
            return leftNumber ? -1 : 1;
        }
        return EdnPrinter.print(left).compareTo(EdnPrinter.print(right));
    }

    private static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof BigInteger;
    }

    private static BigInteger toBigInteger(Object value) {
        return value instanceof BigInteger big ? big : BigInteger.valueOf((Long) value);
    }
}
