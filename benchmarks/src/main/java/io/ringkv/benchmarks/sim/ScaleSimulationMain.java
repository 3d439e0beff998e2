package io.ringkv.benchmarks.sim;

import io.ringkv.server.membership.FailureDetectorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs every scale measurement of {@code docs/scaling.md} and prints its tables: membership propagation,
 * gossip bandwidth and false down-markings on a simulated cluster of real gossipers for each size (plus the
 * compact {@link RumorSpreadModel} for sizes too large to hold n real gossipers); data moved by a join with
 * the real partition assigner; Merkle bytes for k divergent keys. Writes the plots as PNG files.
 *
 * <p>Each experiment runs in virtual time on one thread and is seeded, so its figures do not depend on the
 * machine; independent experiments run on separate threads only to finish sooner.
 */
@Command(
        name = "scale-simulation",
        mixinStandardHelpOptions = true,
        description = "Simulates RingKV membership, data movement and anti-entropy at scale.")
public final class ScaleSimulationMain implements Callable<Integer> {

    @Option(names = "--sizes", split = ",", description = "Sizes run with real gossipers (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes = List.of(100, 1_000, 5_000);

    @Option(
            names = "--model-sizes",
            split = ",",
            description = "Sizes run with the compact model (default: ${DEFAULT-VALUE}).")
    List<Integer> modelSizes = List.of(100, 1_000, 5_000, 20_000);

    @Option(
            names = "--movement-sizes",
            split = ",",
            description = "Sizes for data movement (default: ${DEFAULT-VALUE}).")
    List<Integer> movementSizes = List.of(100, 1_000, 5_000);

    @Option(names = "--seed", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed = 20_261_125L;

    @Option(
            names = "--loss",
            split = ",",
            description = "Message loss rates for false down-markings (default: ${DEFAULT-VALUE}).")
    List<Double> lossRates = List.of(0.0, 0.01, 0.05);

    @Option(names = "--false-down-seconds", description = "Virtual seconds per loss rate (default: ${DEFAULT-VALUE}).")
    double falseDownSeconds = 60;

    @Option(names = "--trials", description = "Joins and deaths measured per size (default: ${DEFAULT-VALUE}).")
    int trials = 3;

    @Option(names = "--model-trials", description = "Trials per size in the model (default: ${DEFAULT-VALUE}).")
    int modelTrials = 10;

    @Option(
            names = "--metered-nodes",
            description = "Nodes whose gossip is encoded and counted (default: ${DEFAULT-VALUE}).")
    int meteredNodes = 20;

    @Option(names = "--bandwidth-rounds", description = "Steady-state rounds counted (default: ${DEFAULT-VALUE}).")
    int bandwidthRounds = 10;

    @Option(
            names = "--compact-from",
            description = "Real sizes from this one on run shorter: detector window of --compact-samples, "
                    + "--compact-false-down-seconds per loss rate, --compact-trials (default: ${DEFAULT-VALUE}).")
    int compactFrom = 1_000;

    @Option(names = "--compact-samples", description = "Detector window in compact runs (default: ${DEFAULT-VALUE}).")
    int compactSamples = FailureDetectorConfig.DEFAULT_MAX_SAMPLE_SIZE;

    @Option(names = "--compact-false-down-seconds", description = "Default: ${DEFAULT-VALUE}.")
    double compactFalseDownSeconds = 10;

    @Option(names = "--compact-trials", description = "Default: ${DEFAULT-VALUE}.")
    int compactTrials = 1;

    // Settling must outlast a change's rumor phase (2 + 3 log2(n + 1) rounds: 41 at 5,000 nodes), or the
    // bandwidth window counts the start-up's rumors rather than the steady state.
    @Option(
            names = "--settle-rounds",
            description = "Rounds settled before each measurement (default: ${DEFAULT-VALUE}).")
    int settleRounds = 50;

    @Option(names = "--merkle-divergent", split = ",", description = "k values (default: ${DEFAULT-VALUE}).")
    List<Integer> merkleDivergent = List.of(1, 10, 100, 1_000);

    @Option(names = "--merkle-partitions", description = "Q of the Merkle data set (default: ${DEFAULT-VALUE}).")
    int merklePartitions = 4_096;

    @Option(
            names = "--merkle-leaves",
            description = "Leaves per partition, as the design's default (default: ${DEFAULT-VALUE}).")
    int merkleLeaves = 64;

    @Option(names = "--threads", description = "Experiments run at once (default: ${DEFAULT-VALUE}).")
    int threads = 3;

    @Option(names = "--img-dir", description = "Where the PNG plots go (default: ${DEFAULT-VALUE}).")
    Path imageDirectory = Path.of("docs/img");

    @Option(names = "--report", description = "Also write the tables to this markdown file.")
    Path reportFile;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new ScaleSimulationMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<MembershipResult>> membershipFutures = new ArrayList<>();
            // Largest first, so the longest experiment starts at once.
            List<Integer> bySize = new ArrayList<>(sizes);
            bySize.sort(java.util.Comparator.reverseOrder());
            for (int nodes : bySize) {
                membershipFutures.add(pool.submit(() -> runMembership(nodes)));
            }
            Future<List<ModelledPropagation>> modelled = pool.submit(this::runModel);
            Future<List<DataMovementResult>> moved = pool.submit(this::runDataMovement);
            Future<List<List<MerkleExperiment.Row>>> merkle = pool.submit(this::runMerkle);

            List<MembershipResult> membership = new ArrayList<>();
            for (Future<MembershipResult> future : membershipFutures) {
                membership.add(future.get());
            }
            membership.sort(java.util.Comparator.comparingInt(MembershipResult::nodes));
            report(membership, modelled.get(), moved.get(), merkle.get());
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    private MembershipResult runMembership(int nodes) {
        boolean compact = nodes >= compactFrom;
        MembershipSettings settings = new MembershipSettings(
                nodes,
                seed,
                compact ? compactSamples : FailureDetectorConfig.DEFAULT_MAX_SAMPLE_SIZE,
                meteredNodes,
                bandwidthRounds,
                compact ? compactFalseDownSeconds : falseDownSeconds,
                lossRates,
                compact ? compactTrials : trials,
                settleRounds);
        MembershipResult result = new MembershipExperiment(settings).run();
        System.err.printf("membership n=%d done in %d ms%n", nodes, result.wallMillis());
        return result;
    }

    private List<ModelledPropagation> runModel() {
        List<ModelledPropagation> results = new ArrayList<>();
        for (int nodes : modelSizes) {
            results.add(ModelledPropagation.run(nodes, seed, NetworkConditions.LAN, modelTrials));
        }
        System.err.println("model done");
        return results;
    }

    private List<DataMovementResult> runDataMovement() {
        DataMovementExperiment movement = new DataMovementExperiment(3);
        List<DataMovementResult> results = new ArrayList<>();
        for (int nodes : movementSizes) {
            results.add(movement.run(nodes, DataMovementExperiment.partitionCountFor(nodes)));
        }
        System.err.println("data movement done");
        return results;
    }

    /** Real tree at 10^6, model at 10^6 (to check it), model at 10^8, model at 10^8 with deeper trees. */
    private List<List<MerkleExperiment.Row>> runMerkle() {
        MerkleExperiment merkle = new MerkleExperiment(seed);
        MerkleTreeShape designShape = new MerkleTreeShape(merklePartitions, merkleLeaves);
        MerkleTreeShape deepShape = new MerkleTreeShape(merklePartitions, merkleLeaves * 64);
        List<List<MerkleExperiment.Row>> results = List.of(
                merkle.real(designShape, 1_000_000, merkleDivergent),
                merkle.modelled(designShape, 1_000_000, merkleDivergent),
                merkle.modelled(designShape, 100_000_000L, merkleDivergent),
                merkle.modelled(deepShape, 100_000_000L, merkleDivergent));
        System.err.println("merkle done");
        return results;
    }

    private void report(
            List<MembershipResult> membership,
            List<ModelledPropagation> modelled,
            List<DataMovementResult> moved,
            List<List<MerkleExperiment.Row>> merkle)
            throws Exception {
        StringBuilder report = new StringBuilder();
        section(
                report,
                "Rounds until every node sees a change (real gossipers)",
                ScalingReport.propagation(membership));
        section(report, "Rounds until every node sees a change (compact model)", ScalingReport.modelled(modelled));
        section(report, "Gossip bytes per node per round", ScalingReport.bandwidth(membership));
        section(report, "False down-markings under message loss", ScalingReport.falseDowns(membership));
        section(report, "Data moved when one node joins", ScalingReport.dataMovement(moved));
        List<MerkleExperiment.Row> merkleRows = new ArrayList<>();
        merkle.forEach(merkleRows::addAll);
        section(report, "Merkle bytes for k divergent keys", ScalingReport.merkle(merkleRows));
        System.out.print(report);
        if (reportFile != null) {
            Files.writeString(reportFile, report);
        }

        ScalingCharts charts = new ScalingCharts(imageDirectory);
        charts.rounds(membership, modelled);
        charts.gossipBytes(membership);
        charts.dataMoved(moved);
        charts.merkle(
                List.of(merkle.get(0), merkle.get(2), merkle.get(3)),
                List.of(
                        "10^6 keys, " + merkleLeaves + " leaves (real tree)",
                        "10^8 keys, " + merkleLeaves + " leaves (model)",
                        "10^8 keys, " + merkleLeaves * 64 + " leaves (model)"));
    }

    private static void section(StringBuilder report, String title, String table) {
        report.append("### ").append(title).append("\n\n").append(table).append('\n');
    }
}
