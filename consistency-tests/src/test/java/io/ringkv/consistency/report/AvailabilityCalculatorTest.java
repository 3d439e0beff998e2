package io.ringkv.consistency.report;

import static io.ringkv.consistency.report.AvailabilityCalculator.INSIDE_FAULTS;
import static io.ringkv.consistency.report.AvailabilityCalculator.OUTSIDE_FAULTS;
import static io.ringkv.consistency.report.TimedHistory.millis;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.consistency.history.History;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityCalculatorTest {

    private static final FaultInterval PARTITION = new FaultInterval("partition halves", millis(100), millis(200));
    private static final FaultInterval KILL = new FaultInterval("kill [n1]", millis(150), millis(300));

    /**
     * Reads: 2 before any fault (both ok), 3 in the partition (ok, fail, info), 1 in the overlap of
     * partition and kill (ok), 1 in the kill only (fail). Writes: 1 outside (ok), 1 at exactly 200 ms,
     * the partition's end, in the kill only (ok), 1 never completed during the kill.
     */
    private static History history() {
        return new TimedHistory()
                .invoke(0, "read", null, 10)
                .ok(0, "read", 1L, 11)
                .invoke(1, "write", 1L, 20)
                .ok(1, "write", 1L, 25)
                .invoke(0, "read", null, 30)
                .ok(0, "read", 1L, 31)
                .invoke(0, "read", null, 100)
                .ok(0, "read", 1L, 110)
                .invoke(0, "read", null, 120)
                .fail(0, "read", null, 121, "unavailable")
                .invoke(0, "read", null, 130)
                .info(0, "read", null, 140, "timeout")
                .invoke(2, "read", null, 160)
                .ok(2, "read", 1L, 165)
                .invoke(1, "write", 2L, 200)
                .ok(1, "write", 2L, 205)
                .invoke(2, "read", null, 250)
                .fail(2, "read", null, 251, "unavailable")
                .invoke(3, "write", 3L, 260)
                .build();
    }

    private static AvailabilityRow row(List<AvailabilityRow> rows, String f, String window) {
        return rows.stream()
                .filter(row -> row.f().equals(f) && row.window().equals(window))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + f + " / " + window + " in " + rows));
    }

    @Test
    void should_count_reads_by_the_window_of_their_invocation() {
        List<AvailabilityRow> rows =
                AvailabilityCalculator.compute(TimedOperations.of(history()), List.of(PARTITION, KILL));

        assertThat(row(rows, "read", OUTSIDE_FAULTS))
                .isEqualTo(new AvailabilityRow("read", OUTSIDE_FAULTS, 2, 2, 0, 0));
        assertThat(row(rows, "read", INSIDE_FAULTS)).isEqualTo(new AvailabilityRow("read", INSIDE_FAULTS, 5, 2, 2, 1));
        assertThat(row(rows, "read", INSIDE_FAULTS).acknowledgedFraction()).isEqualTo(0.4);
        assertThat(row(rows, "read", "#1 partition halves"))
                .isEqualTo(new AvailabilityRow("read", "#1 partition halves", 4, 2, 1, 1));
        assertThat(row(rows, "read", "#2 kill [n1]"))
                .isEqualTo(new AvailabilityRow("read", "#2 kill [n1]", 2, 1, 1, 0));
    }

    @Test
    void should_count_writes_separately_with_half_open_intervals_and_pending_writes_as_info() {
        List<AvailabilityRow> rows =
                AvailabilityCalculator.compute(TimedOperations.of(history()), List.of(PARTITION, KILL));

        assertThat(row(rows, "write", OUTSIDE_FAULTS))
                .isEqualTo(new AvailabilityRow("write", OUTSIDE_FAULTS, 1, 1, 0, 0));
        assertThat(row(rows, "write", INSIDE_FAULTS))
                .isEqualTo(new AvailabilityRow("write", INSIDE_FAULTS, 2, 1, 0, 1));
        assertThat(row(rows, "write", "#1 partition halves").invocations()).isZero();
        assertThat(row(rows, "write", "#1 partition halves").acknowledgedFraction())
                .isNaN();
        assertThat(row(rows, "write", "#2 kill [n1]"))
                .isEqualTo(new AvailabilityRow("write", "#2 kill [n1]", 2, 1, 0, 1));
    }

    @Test
    void should_list_functions_by_name_each_with_inside_outside_then_one_row_per_fault() {
        List<AvailabilityRow> rows =
                AvailabilityCalculator.compute(TimedOperations.of(history()), List.of(PARTITION, KILL));

        assertThat(rows)
                .extracting(row -> row.f() + " " + row.window())
                .containsExactly(
                        "read inside faults",
                        "read outside faults",
                        "read #1 partition halves",
                        "read #2 kill [n1]",
                        "write inside faults",
                        "write outside faults",
                        "write #1 partition halves",
                        "write #2 kill [n1]");
    }

    @Test
    void should_put_everything_outside_when_there_are_no_faults() {
        List<AvailabilityRow> rows = AvailabilityCalculator.compute(TimedOperations.of(history()), List.of());

        assertThat(row(rows, "read", INSIDE_FAULTS).invocations()).isZero();
        assertThat(row(rows, "read", OUTSIDE_FAULTS))
                .isEqualTo(new AvailabilityRow("read", OUTSIDE_FAULTS, 7, 4, 2, 1));
        assertThat(rows).hasSize(4);
    }

    @Test
    void should_return_no_rows_for_an_empty_history() {
        assertThat(AvailabilityCalculator.compute(List.of(), List.of(PARTITION)))
                .isEmpty();
    }
}
