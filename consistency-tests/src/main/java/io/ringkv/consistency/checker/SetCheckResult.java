package io.ringkv.consistency.checker;

import io.ringkv.consistency.history.EdnPrinter;
import java.util.List;

/**
 * The outcome of {@link SetChecker}, with the counts Jepsen's set checker reports. Element lists are
 * sorted (numbers numerically, anything else by its EDN text) so reports are stable.
 *
 * @param valid invalid when an acknowledged add is missing, an element nobody tried to add is present,
 *     or a definitely failed add is present; unknown when the set was never read
 * @param attemptCount distinct elements anybody tried to add
 * @param acknowledgedCount distinct elements whose add completed {@code :ok}
 * @param okCount elements of the final read that somebody tried to add
 * @param lost acknowledged elements missing from the final read
 * @param unexpected elements in the final read that nobody tried to add
 * @param recovered elements whose add was indeterminate ({@code :info}) and that are present
 * @param failedButPresent elements whose add completed {@code :fail} (definitely did not happen) and
 *     that are present anyway, and whose add was not also attempted successfully or indeterminately
 * @param unknownReason why there is no verdict; {@code null} unless unknown
 */
public record SetCheckResult(
        Verdict valid,
        int attemptCount,
        int acknowledgedCount,
        int okCount,
        List<Object> lost,
        List<Object> unexpected,
        List<Object> recovered,
        List<Object> failedButPresent,
        String unknownReason) {

    public SetCheckResult {
        lost = List.copyOf(lost);
        unexpected = List.copyOf(unexpected);
        recovered = List.copyOf(recovered);
        failedButPresent = List.copyOf(failedButPresent);
    }

    public int lostCount() {
        return lost.size();
    }

    public int unexpectedCount() {
        return unexpected.size();
    }

    public int recoveredCount() {
        return recovered.size();
    }

    public boolean isValid() {
        return valid == Verdict.VALID;
    }

    /** A multi-line summary in the spirit of Jepsen's set checker output. */
    public String describe() {
        if (valid == Verdict.UNKNOWN) {
            return "UNKNOWN: " + unknownReason + "\n";
        }
        return (valid == Verdict.VALID ? "VALID" : "INVALID") + ": set\n"
                + "  attempt-count      " + attemptCount + "\n"
                + "  acknowledged-count " + acknowledgedCount + "\n"
                + "  ok-count           " + okCount + "\n"
                + "  lost-count         " + lostCount() + "  " + EdnPrinter.print(lost) + "\n"
                + "  unexpected-count   " + unexpectedCount() + "  " + EdnPrinter.print(unexpected) + "\n"
                + "  recovered-count    " + recoveredCount() + "  " + EdnPrinter.print(recovered) + "\n"
                + "  failed-but-present " + failedButPresent.size() + "  " + EdnPrinter.print(failedButPresent)
                + "\n";
    }
}
