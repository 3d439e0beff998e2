package io.ringkv.consistency.checker;

import io.ringkv.consistency.history.EdnPrinter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a {@link CheckResult} as the text a person reads in a terminal or a report: the verdict on
 * the first line, then for an invalid history the failure window of each failing key (first the
 * minimal window of operations involved, then the furthest point of the search: the operation that
 * could not be linearized, the end of the longest linearizable prefix, and why each pending operation
 * could not come next), and for an unknown verdict the reason.
 */
public final class CheckResultFormatter {

    /** At most this many failing keys are described in full. */
    static final int MAX_KEYS_DESCRIBED = 3;

    private CheckResultFormatter() {}

    public static String format(CheckResult result, Model model) {
        StringBuilder out = new StringBuilder();
        int keys = result.perKey().size();
        String summary = keys + (keys == 1 ? " key, " : " keys, ") + result.operationCount() + " operations, "
                + result.statesExplored() + " states explored";
        switch (result.valid()) {
            case VALID ->
                out.append("VALID: the history is linearizable under model ")
                        .append(result.model())
                        .append(" (")
                        .append(summary)
                        .append(")\n");
            case INVALID -> {
                List<KeyResult> invalid = result.invalidKeys();
                out.append("INVALID: the history is not linearizable under model ")
                        .append(result.model())
                        .append(" (")
                        .append(summary)
                        .append("); failing ")
                        .append(invalid.size() == 1 ? "key: " : "keys: ")
                        .append(invalid.stream().map(r -> keyText(r.key())).collect(Collectors.joining(", ")))
                        .append('\n');
                invalid.stream()
                        .limit(MAX_KEYS_DESCRIBED)
                        .forEach(keyResult -> appendFailure(out, keyResult.failure(), model));
            }
            case UNKNOWN -> {
                out.append("UNKNOWN: could not decide whether the history is linearizable under model ")
                        .append(result.model())
                        .append(" (")
                        .append(summary)
                        .append(")\n");
                for (KeyResult keyResult : result.unknownKeys()) {
                    out.append("  ")
                            .append(keyName(keyResult.key()))
                            .append(": ")
                            .append(keyResult.unknownReason())
                            .append('\n');
                }
                out.append("  Raise the search budget (--max-states) or check a shorter history.\n");
            }
        }
        return out.toString();
    }

    /** The failure window alone, as {@link #format} prints it for one key. */
    public static String formatFailure(FailureWindow failure, Model model) {
        StringBuilder out = new StringBuilder();
        appendFailure(out, failure, model);
        return out.toString();
    }

    private static void appendFailure(StringBuilder out, FailureWindow failure, Model model) {
        out.append('\n').append(capitalize(keyName(failure.key()))).append(": not linearizable\n");
        if (failure.isShrunk()) {
            appendWindow(out, failure);
        }
        out.append("  Furthest point the search reached: could not linearize\n    ")
                .append(failure.operation().describe())
                .append('\n');
        out.append("  The longest linearizable prefix found has ")
                .append(failure.linearizedCount())
                .append(" operations and leaves the state ")
                .append(model.describeState(failure.stateBefore()))
                .append(".\n");
        if (!failure.prefixTail().isEmpty()) {
            out.append("  It ends with:\n");
            for (LinearizedStep step : failure.prefixTail()) {
                out.append("    ")
                        .append(step.operation().describe())
                        .append("  => ")
                        .append(model.describeState(step.stateAfter()))
                        .append('\n');
            }
        }
        out.append("  Operations that could have come next, and why they could not:\n");
        for (Candidate candidate : failure.candidates()) {
            out.append("    ")
                    .append(candidate.operation().describe())
                    .append(": ")
                    .append(candidate.explanation())
                    .append('\n');
        }
    }

    /** The minimal window first: it names the operations involved, and nothing else. */
    private static void appendWindow(StringBuilder out, FailureWindow failure) {
        int size = failure.minimalWindow().size();
        String operations = size + (size == 1 ? " operation" : " operations");
        if (failure.minimal()) {
            out.append("  Minimal failing window (")
                    .append(operations)
                    .append("; weakening any one makes the rest linearizable):\n");
        } else {
            out.append("  Failing window (")
                    .append(operations)
                    .append("; not shown to be minimal: shrinking ran out of searches or of search budget):\n");
        }
        appendOperations(out, failure.minimalWindow());
        if (!failure.indeterminateInWindow().isEmpty()) {
            out.append(
                    "  With these indeterminate operations (each may take effect after its invocation, or never):\n");
            appendOperations(out, failure.indeterminateInWindow());
        }
    }

    private static void appendOperations(StringBuilder out, List<Operation> operations) {
        for (Operation operation : operations) {
            out.append("    ").append(operation.describe()).append('\n');
        }
    }

    private static String keyText(Object key) {
        return key == null ? "the register" : EdnPrinter.print(key);
    }

    private static String keyName(Object key) {
        return key == null ? "the register" : "key " + EdnPrinter.print(key);
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
