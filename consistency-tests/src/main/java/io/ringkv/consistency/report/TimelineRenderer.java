package io.ringkv.consistency.report;

import io.ringkv.consistency.history.EdnPrinter;
import io.ringkv.consistency.history.ProcessId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the operations of a run as a self-contained HTML page (inline CSS and SVG, no scripts): one
 * horizontal lane per client process, each operation a bar from its invocation to its completion
 * coloured by outcome, and the fault intervals shaded across all lanes with their labels. Hovering a
 * bar shows its function, value, outcome, latency and error.
 *
 * <p>An operation with no completion time is drawn to the end of the run with a dashed outline: it was
 * still pending, as far as the history knows.
 */
public final class TimelineRenderer {

    static final double LEFT_MARGIN = 100;
    static final double TOP_MARGIN = 48;
    static final double LANE_HEIGHT = 18;
    static final double BAR_HEIGHT = 12;
    static final double MIN_PLOT_WIDTH = 1200;
    static final double MAX_PLOT_WIDTH = 24_000;
    /** Horizontal pixels given to each operation of the busiest lane, so bars stay distinguishable. */
    static final double PIXELS_PER_OPERATION = 8;

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 16px; color: #222; }
            .legend span { display: inline-block; padding: 2px 8px; margin-right: 6px; border-radius: 3px; }
            .scroll { overflow-x: auto; border: 1px solid #ddd; }
            svg text { font-size: 11px; }
            rect.ok { fill: #6db6fe; }
            rect.fail { fill: #feb5da; }
            rect.info { fill: #ffaa26; }
            rect.open { stroke: #555; stroke-dasharray: 3 2; }
            rect.fault { fill: #777; fill-opacity: 0.18; }
            rect.stripe { fill: #f4f4f4; }
            line.tick { stroke: #ccc; }
            text.fault-label { fill: #555; }
            """;

    private TimelineRenderer() {}

    /**
     * The timeline page.
     *
     * @param title the page title, usually the test name
     * @param operations the run's operations
     * @param faults the fault intervals
     * @param endNanos the end of the run on its clock; the time axis reaches at least this far
     */
    public static String render(
            String title, List<TimedOperation> operations, List<FaultInterval> faults, long endNanos) {
        Map<ProcessId, List<TimedOperation>> lanes = lanes(operations);
        long end = Math.max(1, endOf(operations, faults, endNanos));
        int busiestLane = lanes.values().stream().mapToInt(List::size).max().orElse(0);
        double plotWidth = Math.min(MAX_PLOT_WIDTH, Math.max(MIN_PLOT_WIDTH, busiestLane * PIXELS_PER_OPERATION));
        double height = TOP_MARGIN + lanes.size() * LANE_HEIGHT + 8;
        Scale scale = new Scale(end, plotWidth);

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(Html.coordinate(LEFT_MARGIN + plotWidth + 20))
                .append("\" height=\"")
                .append(Html.coordinate(height))
                .append("\">\n");
        appendStripes(svg, lanes.size(), plotWidth);
        // Faults go under the bars, so hovering a bar shows the operation rather than the fault.
        appendFaults(svg, faults, scale, height);
        appendAxis(svg, scale, height);
        appendLanes(svg, lanes, scale, end);
        svg.append("</svg>\n");

        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + Html.escape(title) + " — timeline</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
                + "<h1>" + Html.escape(title) + " — timeline</h1>\n"
                + "<p class=\"legend\"><span style=\"background:#6db6fe\">:ok</span>"
                + "<span style=\"background:#feb5da\">:fail</span>"
                + "<span style=\"background:#ffaa26\">:info</span>"
                + "<span style=\"background:rgba(119,119,119,0.25)\">fault</span> "
                + lanes.size() + " processes, " + operations.size() + " operations, "
                + faults.size() + " fault intervals, " + Html.seconds(end) + ". Hover a bar for details.</p>\n"
                + "<div class=\"scroll\">\n" + svg + "</div>\n</body>\n</html>\n";
    }

    /** Operations grouped by process, processes in numeric order. */
    static Map<ProcessId, List<TimedOperation>> lanes(List<TimedOperation> operations) {
        List<TimedOperation> sorted = new ArrayList<>(operations);
        sorted.sort(Comparator.comparing(
                        (TimedOperation operation) -> operation.process().number())
                .thenComparingLong(TimedOperation::invokeNanos));
        Map<ProcessId, List<TimedOperation>> lanes = new LinkedHashMap<>();
        for (TimedOperation operation : sorted) {
            lanes.computeIfAbsent(operation.process(), process -> new ArrayList<>())
                    .add(operation);
        }
        return lanes;
    }

    private static long endOf(List<TimedOperation> operations, List<FaultInterval> faults, long endNanos) {
        long end = endNanos;
        for (TimedOperation operation : operations) {
            end = Math.max(end, operation.completeNanos().orElse(operation.invokeNanos()));
        }
        for (FaultInterval fault : faults) {
            end = Math.max(end, fault.endNanos());
        }
        return end;
    }

    private static void appendStripes(StringBuilder svg, int laneCount, double plotWidth) {
        for (int lane = 1; lane < laneCount; lane += 2) {
            svg.append("<rect class=\"stripe\" x=\"0\" y=\"")
                    .append(Html.coordinate(TOP_MARGIN + lane * LANE_HEIGHT))
                    .append("\" width=\"")
                    .append(Html.coordinate(LEFT_MARGIN + plotWidth))
                    .append("\" height=\"")
                    .append(Html.coordinate(LANE_HEIGHT))
                    .append("\"/>\n");
        }
    }

    private static void appendAxis(StringBuilder svg, Scale scale, double height) {
        long step = tickStepNanos(scale.endNanos());
        for (long tick = 0; tick <= scale.endNanos(); tick += step) {
            String x = Html.coordinate(scale.x(tick));
            svg.append("<line class=\"tick\" x1=\"")
                    .append(x)
                    .append("\" x2=\"")
                    .append(x)
                    .append("\" y1=\"")
                    .append(Html.coordinate(TOP_MARGIN - 4))
                    .append("\" y2=\"")
                    .append(Html.coordinate(height))
                    .append("\"/><text x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(Html.coordinate(TOP_MARGIN - 6))
                    .append("\" text-anchor=\"middle\">")
                    .append(Html.escape(Html.seconds(tick)))
                    .append("</text>\n");
        }
    }

    /** A round tick step (1, 2 or 5 times a power of ten nanoseconds) giving about ten ticks. */
    static long tickStepNanos(long endNanos) {
        double rough = Math.max(1, endNanos / 10.0);
        long power = 1;
        while (power * 10 <= rough) {
            power *= 10;
        }
        for (long multiple : new long[] {1, 2, 5}) {
            if (power * multiple >= rough) {
                return power * multiple;
            }
        }
        return power * 10;
    }

    private static void appendLanes(
            StringBuilder svg, Map<ProcessId, List<TimedOperation>> lanes, Scale scale, long end) {
        int lane = 0;
        for (Map.Entry<ProcessId, List<TimedOperation>> entry : lanes.entrySet()) {
            double top = TOP_MARGIN + lane * LANE_HEIGHT;
            svg.append("<g class=\"lane\" data-process=\"")
                    .append(Html.escape(entry.getKey().toString()))
                    .append("\">\n<text x=\"4\" y=\"")
                    .append(Html.coordinate(top + LANE_HEIGHT - 5))
                    .append("\">process ")
                    .append(Html.escape(entry.getKey().toString()))
                    .append("</text>\n");
            for (TimedOperation operation : entry.getValue()) {
                appendBar(svg, operation, scale, top + (LANE_HEIGHT - BAR_HEIGHT) / 2, end);
            }
            svg.append("</g>\n");
            lane++;
        }
    }

    private static void appendBar(StringBuilder svg, TimedOperation operation, Scale scale, double top, long end) {
        boolean open = operation.completeNanos().isEmpty();
        long finish = operation.completeNanos().orElse(end);
        double x = scale.x(operation.invokeNanos());
        double width = Math.max(2, scale.x(finish) - x);
        svg.append("<rect class=\"")
                .append(operation.outcome().keywordName())
                .append(open ? " open" : "")
                .append("\" x=\"")
                .append(Html.coordinate(x))
                .append("\" y=\"")
                .append(Html.coordinate(top))
                .append("\" width=\"")
                .append(Html.coordinate(width))
                .append("\" height=\"")
                .append(Html.coordinate(BAR_HEIGHT))
                .append("\"><title>")
                .append(Html.escape(describe(operation)))
                .append("</title></rect>\n");
    }

    /** The hover text of a bar. */
    static String describe(TimedOperation operation) {
        StringBuilder text = new StringBuilder();
        text.append("process ")
                .append(operation.process())
                .append(" :")
                .append(operation.f())
                .append(' ')
                .append(printable(operation.displayValue()))
                .append("\n:")
                .append(operation.outcome().keywordName());
        if (operation.latencyNanos().isPresent()) {
            text.append(" after ").append(Html.millis(operation.latencyNanos().getAsLong()));
        } else {
            text.append(", no completion time");
        }
        text.append("\ninvoked at ").append(Html.seconds(operation.invokeNanos()));
        if (operation.error() != null) {
            text.append("\nerror ").append(printable(operation.error()));
        }
        return text.toString();
    }

    private static String printable(Object value) {
        try {
            return EdnPrinter.print(value);
        } catch (IllegalArgumentException notEdn) {
            // Boundary: a value outside the EDN value model is shown by its toString.
            return String.valueOf(value);
        }
    }

    private static void appendFaults(StringBuilder svg, List<FaultInterval> faults, Scale scale, double height) {
        for (int number = 1; number <= faults.size(); number++) {
            FaultInterval fault = faults.get(number - 1);
            double x = scale.x(fault.startNanos());
            double width = Math.max(1, scale.x(fault.endNanos()) - x);
            String name = AvailabilityCalculator.windowName(number, fault);
            String hover = name + "\n" + Html.seconds(fault.startNanos()) + " .. " + Html.seconds(fault.endNanos());
            // Labels alternate between two rows so that neighbouring faults do not print over each other.
            double labelY = number % 2 == 1 ? 12 : 24;
            svg.append("<g class=\"fault\"><rect class=\"fault\" x=\"")
                    .append(Html.coordinate(x))
                    .append("\" y=\"")
                    .append(Html.coordinate(TOP_MARGIN - 18))
                    .append("\" width=\"")
                    .append(Html.coordinate(width))
                    .append("\" height=\"")
                    .append(Html.coordinate(height - TOP_MARGIN + 18))
                    .append("\"><title>")
                    .append(Html.escape(hover))
                    .append("</title></rect><text class=\"fault-label\" x=\"")
                    .append(Html.coordinate(x + 2))
                    .append("\" y=\"")
                    .append(Html.coordinate(labelY))
                    .append("\">")
                    .append(Html.escape(name))
                    .append("</text></g>\n");
        }
    }

    /** Maps run time to the page's x coordinate. */
    private record Scale(long endNanos, double plotWidth) {
        double x(long timeNanos) {
            return LEFT_MARGIN + (double) timeNanos / endNanos * plotWidth;
        }
    }
}
