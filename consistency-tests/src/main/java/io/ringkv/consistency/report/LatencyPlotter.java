package io.ringkv.consistency.report;

import io.ringkv.consistency.history.OpType;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws latency-over-time plots: for one function, every completed operation as a dot at (invocation
 * time, latency), coloured by outcome, over grey bands for the fault intervals. Writes each plot as PNG
 * and SVG.
 *
 * <p>Rendering uses AWT, so this class switches the JVM to headless mode unless something already chose
 * a mode: builds and CI machines have no display.
 */
public final class LatencyPlotter {

    static final int WIDTH = 1000;
    static final int HEIGHT = 500;
    /** The floor of the log scale: a latency below one microsecond is drawn at one microsecond. */
    static final double MIN_LATENCY_MILLIS = 0.001;
    /**
     * Above this many points a plot is written as PNG only: an SVG holds one element per dot, so it
     * grows to megabytes and takes seconds to encode, while adding nothing a PNG does not show.
     */
    static final int MAX_SVG_POINTS = 5_000;

    private static final Color OK = new Color(0x1f, 0x77, 0xb4);
    private static final Color FAIL = new Color(0xd6, 0x27, 0x9c);
    private static final Color INFO = new Color(0xff, 0x8c, 0x00);
    private static final Color FAULT = new Color(120, 120, 120, 60);

    private LatencyPlotter() {}

    /**
     * Writes {@code latency-<f>.png} into {@code directory} for every series, and {@code
     * latency-<f>.svg} too unless the series has more than {@link #MAX_SVG_POINTS} points.
     *
     * @return the files written, each PNG before its SVG, in series order
     */
    public static List<Path> write(Path directory, List<LatencySeries> series, List<FaultInterval> faults)
            throws IOException {
        return write(directory, series, faults, MAX_SVG_POINTS);
    }

    /** As {@link #write(Path, List, List)} with another SVG limit, so tests need not draw thousands of dots. */
    static List<Path> write(Path directory, List<LatencySeries> series, List<FaultInterval> faults, int maxSvgPoints)
            throws IOException {
        List<Path> written = new ArrayList<>();
        for (LatencySeries one : series) {
            XYChart chart = chart(one, faults);
            String base = fileBaseName(one.f());
            Path png = directory.resolve(base + ".png");
            try (OutputStream out = Files.newOutputStream(png)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
            written.add(png);
            if (one.points().size() <= maxSvgPoints) {
                Path svg = directory.resolve(base + ".svg");
                try (OutputStream out = Files.newOutputStream(svg)) {
                    VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                }
                written.add(svg);
            }
        }
        return written;
    }

    /** The base name of a function's plot files: {@code latency-read}. */
    public static String fileBaseName(String f) {
        return "latency-" + fileSafe(f);
    }

    /** The chart of one series; package-private so tests can inspect it without writing files. */
    static XYChart chart(LatencySeries series, List<FaultInterval> faults) {
        useHeadlessUnlessChosen();
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title("Latency of :" + series.f() + " over time")
                .xAxisTitle("invocation time (s)")
                .yAxisTitle("latency (ms)")
                .build();
        chart.getStyler()
                .setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
                .setLegendPosition(Styler.LegendPosition.OutsideE)
                .setMarkerSize(4)
                .setChartBackgroundColor(Color.WHITE);
        // A log scale keeps both sub-millisecond acknowledgements and multi-second timeouts readable.
        chart.getStyler().setYAxisLogarithmic(true);
        double topMillis = Math.max(1, maxLatencyMillis(series) * 1.1);
        addFaultBands(chart, faults, topMillis);
        addOutcome(chart, series, OpType.OK, OK);
        addOutcome(chart, series, OpType.FAIL, FAIL);
        addOutcome(chart, series, OpType.INFO, INFO);
        if (chart.getSeriesMap().isEmpty()) {
            // XChart refuses to draw a chart without series; an empty one still shows the axes.
            XYSeries empty =
                    chart.addSeries("no completed operations", new double[] {0}, new double[] {MIN_LATENCY_MILLIS});
            empty.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static void addFaultBands(XYChart chart, List<FaultInterval> faults, double topMillis) {
        for (int number = 1; number <= faults.size(); number++) {
            FaultInterval fault = faults.get(number - 1);
            double start = seconds(fault.startNanos());
            double end = seconds(fault.endNanos());
            // An area series fills down to the x axis: a band over the interval, under the dots.
            XYSeries band = chart.addSeries(
                    AvailabilityCalculator.windowName(number, fault),
                    new double[] {start, end},
                    new double[] {topMillis, topMillis});
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            band.setMarker(SeriesMarkers.NONE);
            band.setFillColor(FAULT);
            band.setLineColor(FAULT);
            band.setShowInLegend(number == 1);
            if (number == 1) {
                band.setLabel("faults");
            }
            chart.addAnnotation(new AnnotationText(
                    "#" + number, (start + end) / 2, topMillis * (number % 2 == 1 ? 0.9 : 0.7), false));
        }
    }

    private static void addOutcome(XYChart chart, LatencySeries series, OpType outcome, Color color) {
        List<LatencyPoint> points = series.pointsWith(outcome);
        if (points.isEmpty()) {
            return;
        }
        double[] x = points.stream()
                .mapToDouble(point -> seconds(point.invokeNanos()))
                .toArray();
        double[] y = points.stream()
                .mapToDouble(point -> Math.max(MIN_LATENCY_MILLIS, point.latencyNanos() / 1e6))
                .toArray();
        XYSeries dots = chart.addSeries(":" + outcome.keywordName(), x, y);
        dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        dots.setMarker(SeriesMarkers.CIRCLE);
        dots.setMarkerColor(color);
    }

    private static double maxLatencyMillis(LatencySeries series) {
        return series.points().stream()
                        .mapToLong(LatencyPoint::latencyNanos)
                        .max()
                        .orElse(0)
                / 1e6;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String fileSafe(String f) {
        return f.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    }

    private static void useHeadlessUnlessChosen() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
