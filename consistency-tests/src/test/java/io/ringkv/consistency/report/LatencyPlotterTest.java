package io.ringkv.consistency.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.consistency.history.OpType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class LatencyPlotterTest {

    private static final long SEED = 20261125L;

    @TempDir
    Path directory;

    private static LatencySeries series(String f, int size) {
        Random random = new Random(SEED);
        List<LatencyPoint> points = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            OpType outcome = i % 10 == 0 ? OpType.INFO : i % 7 == 0 ? OpType.FAIL : OpType.OK;
            points.add(new LatencyPoint(i * 1_000_000L, 100_000L + random.nextInt(5_000_000), outcome));
        }
        return new LatencySeries(f, points);
    }

    @Test
    void should_plot_one_dot_series_per_outcome_over_one_band_per_fault() {
        List<FaultInterval> faults = List.of(
                new FaultInterval("partition", 10_000_000L, 20_000_000L),
                new FaultInterval("kill", 30_000_000L, 40_000_000L));

        XYChart chart = LatencyPlotter.chart(series("read", 50), faults);

        assertThat(chart.getSeriesMap().keySet()).containsExactly("#1 partition", "#2 kill", ":ok", ":fail", ":info");
        assertThat(chart.getSeriesMap().get("#1 partition").getXYSeriesRenderStyle())
                .isEqualTo(XYSeries.XYSeriesRenderStyle.Area);
        assertThat(chart.getSeriesMap().get(":info").getXData()).hasSize(5);
    }

    @Test
    void should_write_png_and_svg_per_function() throws IOException {
        List<Path> written = LatencyPlotter.write(directory, List.of(series("add", 30), series("read", 30)), List.of());

        assertThat(written)
                .containsExactly(
                        directory.resolve("latency-add.png"),
                        directory.resolve("latency-add.svg"),
                        directory.resolve("latency-read.png"),
                        directory.resolve("latency-read.svg"));
        assertThat(written).allSatisfy(file -> assertThat(file).isNotEmptyFile());
    }

    @Test
    void should_skip_the_svg_of_a_series_too_large_for_it() throws IOException {
        List<Path> written =
                LatencyPlotter.write(directory, List.of(series("read", 20), series("write", 21)), List.of(), 20);

        assertThat(written)
                .containsExactly(
                        directory.resolve("latency-read.png"),
                        directory.resolve("latency-read.svg"),
                        directory.resolve("latency-write.png"));
    }

    @Test
    void should_draw_an_empty_chart_when_nothing_completed() {
        XYChart chart = LatencyPlotter.chart(
                new LatencySeries("read", List.of()), List.of(new FaultInterval("pause", 0, 5_000_000L)));

        assertThat(chart.getSeriesMap()).containsOnlyKeys("#1 pause");
        assertThat(BitmapEncoder.getBufferedImage(chart).getWidth()).isEqualTo(LatencyPlotter.WIDTH);
    }

    @Test
    void should_draw_zero_latencies_on_the_log_scale_floor() {
        LatencySeries instant = new LatencySeries("read", List.of(new LatencyPoint(0, 0, OpType.OK)));

        XYChart chart = LatencyPlotter.chart(instant, List.of());

        assertThat(chart.getSeriesMap().get(":ok").getYData()).containsExactly(LatencyPlotter.MIN_LATENCY_MILLIS);
        assertThat(BitmapEncoder.getBufferedImage(chart).getHeight()).isEqualTo(LatencyPlotter.HEIGHT);
    }

    @Test
    void should_name_plot_files_safely() {
        assertThat(LatencyPlotter.fileBaseName("Read/Write")).isEqualTo("latency-read_write");
    }
}
