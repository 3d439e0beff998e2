package io.ringkv.consistency.report;

import io.ringkv.consistency.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Computes availability: per function, the fraction of invocations acknowledged ({@code :ok}) while
 * faults were active and while none was, and within each fault interval. An operation belongs to the
 * part of the run in which it was <em>invoked</em>: that is when the client asked, whatever happened
 * while it waited.
 */
public final class AvailabilityCalculator {

    /** The window of operations invoked while at least one fault interval was active. */
    public static final String INSIDE_FAULTS = "inside faults";

    /** The window of operations invoked while no fault interval was active. */
    public static final String OUTSIDE_FAULTS = "outside faults";

    private AvailabilityCalculator() {}

    /**
     * Rows for every function that occurs, sorted by function name; for each function the {@link
     * #INSIDE_FAULTS} row, the {@link #OUTSIDE_FAULTS} row, then one row per fault interval in the
     * given order. Intervals may overlap: an operation counts once in {@link #INSIDE_FAULTS} and once in
     * each interval that contains its invocation.
     */
    public static List<AvailabilityRow> compute(List<TimedOperation> operations, List<FaultInterval> faults) {
        TreeSet<String> functions = new TreeSet<>();
        operations.forEach(operation -> functions.add(operation.f()));
        List<AvailabilityRow> rows = new ArrayList<>();
        for (String f : functions) {
            List<TimedOperation> ofFunction = operations.stream()
                    .filter(operation -> operation.f().equals(f))
                    .toList();
            rows.add(count(
                    f,
                    INSIDE_FAULTS,
                    ofFunction.stream()
                            .filter(operation -> insideAny(operation, faults))
                            .toList()));
            rows.add(count(
                    f,
                    OUTSIDE_FAULTS,
                    ofFunction.stream()
                            .filter(operation -> !insideAny(operation, faults))
                            .toList()));
            for (int number = 1; number <= faults.size(); number++) {
                FaultInterval fault = faults.get(number - 1);
                rows.add(count(
                        f,
                        windowName(number, fault),
                        ofFunction.stream()
                                .filter(operation -> fault.contains(operation.invokeNanos()))
                                .toList()));
            }
        }
        return List.copyOf(rows);
    }

    /** The window name of the {@code number}th (1-based) fault interval. */
    public static String windowName(int number, FaultInterval fault) {
        return "#" + number + " " + fault.label();
    }

    private static boolean insideAny(TimedOperation operation, List<FaultInterval> faults) {
        return faults.stream().anyMatch(fault -> fault.contains(operation.invokeNanos()));
    }

    private static AvailabilityRow count(String f, String window, List<TimedOperation> operations) {
        long acknowledged = 0;
        long failed = 0;
        long indeterminate = 0;
        for (TimedOperation operation : operations) {
            if (operation.outcome() == OpType.OK) {
                acknowledged++;
            } else if (operation.outcome() == OpType.FAIL) {
                failed++;
            } else {
                indeterminate++;
            }
        }
        return new AvailabilityRow(f, window, operations.size(), acknowledged, failed, indeterminate);
    }
}
