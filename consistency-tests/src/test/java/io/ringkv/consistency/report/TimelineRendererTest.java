package io.ringkv.consistency.report;

import static io.ringkv.consistency.report.TimedHistory.millis;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.consistency.history.History;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TimelineRendererTest {

    private static final Pattern LANE = Pattern.compile("<g class=\"lane\" data-process=\"([^\"]+)\">");

    private static History history() {
        return new TimedHistory()
                .invoke(10, "write", "<b>&", 0)
                .invoke(2, "read", null, 1)
                .ok(2, "read", 7L, 3)
                .ok(10, "write", "<b>&", 5)
                .invoke(2, "read", null, 6)
                .fail(2, "read", null, 8, "unavailable")
                .invoke(3, "write", 4L, 9)
                .info(3, "write", 4L, 20, "timeout")
                .invoke(4, "write", 5L, 21)
                .build();
    }

    private static String render(List<FaultInterval> faults) {
        History history = history();
        return TimelineRenderer.render(
                "register <test>", TimedOperations.of(history), faults, TimedOperations.endNanos(history));
    }

    @Test
    void should_draw_one_lane_per_process_in_numeric_order() {
        Matcher lanes = LANE.matcher(render(List.of()));

        StringBuilder processes = new StringBuilder();
        while (lanes.find()) {
            processes.append(lanes.group(1)).append(' ');
        }
        assertThat(processes.toString()).isEqualTo("2 3 4 10 ");
    }

    @Test
    void should_draw_one_bar_per_operation_coloured_by_outcome() {
        String html = render(List.of());

        assertThat(count(html, "<rect class=\"ok\"")).isEqualTo(2);
        assertThat(count(html, "<rect class=\"fail\"")).isEqualTo(1);
        assertThat(count(html, "<rect class=\"info\"")).isEqualTo(1);
        // The write that never completed is drawn to the end of the run, marked as open.
        assertThat(count(html, "<rect class=\"info open\"")).isEqualTo(1);
    }

    @Test
    void should_put_function_value_outcome_and_error_in_the_hover_title_escaped() {
        String html = render(List.of());

        assertThat(html).contains("<title>process 10 :write &quot;&lt;b&gt;&amp;&quot;\n:ok after 5.000 ms\n");
        assertThat(html)
                .contains("<title>process 3 :write 4\n:info after 11.000 ms\ninvoked at 0.009 s\nerror :timeout");
        assertThat(html).contains("<title>register &lt;test&gt; — timeline</title>");
        assertThat(html).doesNotContain("<b>");
    }

    @Test
    void should_shade_each_fault_across_all_lanes_with_its_label() {
        String html = render(List.of(
                new FaultInterval("partition halves", millis(2), millis(10)),
                new FaultInterval("kill [n1]", millis(12), millis(18))));

        assertThat(count(html, "<rect class=\"fault\"")).isEqualTo(2);
        assertThat(html).contains(">#1 partition halves</text>", ">#2 kill [n1]</text>");
        double laneBottom = TimelineRenderer.TOP_MARGIN + 4 * TimelineRenderer.LANE_HEIGHT;
        Matcher fault = Pattern.compile(
                        "<rect class=\"fault\" x=\"[0-9.]+\" y=\"([0-9.]+)\" width=\"[0-9.]+\" height=\"([0-9.]+)\"")
                .matcher(html);
        assertThat(fault.find()).isTrue();
        assertThat(Double.parseDouble(fault.group(1)) + Double.parseDouble(fault.group(2)))
                .isGreaterThanOrEqualTo(laneBottom);
    }

    @Test
    void should_render_a_page_without_lanes_for_an_empty_run() {
        String html = TimelineRenderer.render("empty", List.of(), List.of(), 0);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "0 processes, 0 operations");
        assertThat(LANE.matcher(html).find()).isFalse();
    }

    @Test
    void should_choose_round_tick_steps() {
        assertThat(TimelineRenderer.tickStepNanos(millis(30_000))).isEqualTo(millis(5_000));
        assertThat(TimelineRenderer.tickStepNanos(millis(10_000))).isEqualTo(millis(1_000));
        assertThat(TimelineRenderer.tickStepNanos(millis(150))).isEqualTo(millis(20));
        assertThat(TimelineRenderer.tickStepNanos(1)).isEqualTo(1);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
