package io.ringkv.benchmarks.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws the plots of {@code docs/scaling.md} as PNG files (headless; no window is opened). */
final class ScalingCharts {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private final Path directory;

    ScalingCharts(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    void rounds(List<MembershipResult> results, List<ModelledPropagation> modelled) throws IOException {
        XYChart chart = chart("Rounds until every node sees a change", "nodes (log scale)", "gossip rounds (200 ms)");
        chart.getStyler().setXAxisLogarithmic(true);
        double[] nodes = values(results, result -> result.nodes());
        chart.addSeries(
                "join: all hold its state (real)", nodes, values(results, r -> MembershipResult.mean(r.joinRounds())));
        chart.addSeries(
                "death: all mark it down (real)", nodes, values(results, r -> MembershipResult.mean(r.deathRounds())));
        double[] modelNodes = values(modelled, result -> result.nodes());
        chart.addSeries("join (model)", modelNodes, values(modelled, r -> MembershipResult.mean(r.joinRounds())));
        chart.addSeries("death (model)", modelNodes, values(modelled, r -> MembershipResult.mean(r.deathRounds())));
        chart.addSeries("log3 n", modelNodes, values(modelled, r -> Math.log(r.nodes()) / Math.log(3)))
                .setMarker(SeriesMarkers.NONE);
        save(chart, "scaling-rounds");
    }

    void gossipBytes(List<MembershipResult> results) throws IOException {
        XYChart chart =
                chart("Gossip bytes per node per round (steady state)", "nodes (log scale)", "bytes (log scale)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        double[] nodes = values(results, result -> result.nodes());
        chart.addSeries("sent + received", nodes, values(results, MembershipResult::bytesPerNodePerRound));
        chart.addSeries("sent", nodes, values(results, MembershipResult::bytesSentPerNodePerRound));
        save(chart, "scaling-gossip-bytes");
    }

    void dataMoved(List<DataMovementResult> results) throws IOException {
        XYChart chart = chart(
                "Replica data moved when one node joins",
                "nodes before the join (log scale)",
                "fraction of all replica data (log scale)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        double[] nodes = values(results, result -> result.nodes());
        chart.addSeries("moved", nodes, values(results, DataMovementResult::replicaCopiesMovedFraction));
        chart.addSeries("ideal 1/(n+1)", nodes, values(results, DataMovementResult::idealFraction))
                .setMarker(SeriesMarkers.NONE);
        save(chart, "scaling-data-moved");
    }

    void merkle(List<List<MerkleExperiment.Row>> seriesRows, List<String> names) throws IOException {
        XYChart chart =
                chart("Merkle bytes beyond the root comparison", "divergent keys k (log scale)", "bytes (log scale)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        for (int i = 0; i < seriesRows.size(); i++) {
            List<MerkleExperiment.Row> rows = seriesRows.get(i);
            double[] divergent =
                    rows.stream().mapToDouble(MerkleExperiment.Row::divergent).toArray();
            double[] bytes = rows.stream()
                    .mapToDouble(row -> Math.max(1, row.result().bytesBeyondRoots()))
                    .toArray();
            chart.addSeries(names.get(i), divergent, bytes);
        }
        save(chart, "scaling-merkle");
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        return chart;
    }

    private static <T> double[] values(List<T> items, ToDoubleFunction<T> value) {
        return items.stream().mapToDouble(value).toArray();
    }

    private void save(XYChart chart, String name) throws IOException {
        BitmapEncoder.saveBitmap(chart, directory.resolve(name + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
