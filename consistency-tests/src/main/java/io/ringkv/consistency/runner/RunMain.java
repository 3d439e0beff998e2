package io.ringkv.consistency.runner;

import io.ringkv.consistency.checker.Verdict;
import io.ringkv.consistency.cluster.ServerJar;
import io.ringkv.consistency.nemesis.NemesisKind;
import io.ringkv.consistency.nemesis.Partitioners;
import io.ringkv.consistency.nemesis.ScheduleTiming;
import io.ringkv.consistency.workload.ConsistencySettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs one named consistency test against real node processes:
 *
 * <pre>
 * java -cp ... io.ringkv.consistency.runner.RunMain --workload register --nemesis partition \
 *     --consistency linearizable --nodes 5 --duration 30s --seed 7 --out runs
 * </pre>
 *
 * The run's folder ({@code OUT/NAME-seedSEED}) gets the history, results and report. Exit codes:
 * {@value #VALID} the run showed what it should (a valid history, or the expected anomaly),
 * {@value #INVALID} it did not, {@value #UNKNOWN} no verdict, {@value #ERROR} the run could not be
 * carried out (bad options, cluster did not start, a fault could not be healed).
 */
@Command(
        name = "ringkv-run",
        mixinStandardHelpOptions = true,
        version = "ringkv-run 0.1",
        description = "Runs one consistency test: a workload against a local cluster of RingKV node processes "
                + "under injected faults, then checks the history and writes a report.")
public final class RunMain implements Callable<Integer> {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int ERROR = 2;
    public static final int UNKNOWN = 3;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--workload",
            defaultValue = "register",
            description = "register, set or set-lww (default: ${DEFAULT-VALUE})")
    private String workload;

    @Option(
            names = "--nemesis",
            defaultValue = "partition",
            description = "partition, kill, pause, membership, mixed or none (default: ${DEFAULT-VALUE})")
    private String nemesis;

    @Option(
            names = "--consistency",
            defaultValue = "eventual",
            description = "eventual, strict or linearizable (default: ${DEFAULT-VALUE})")
    private String consistency;

    @Option(
            names = "--r",
            defaultValue = "0",
            description = "R of reads; 0 = the nodes' default (default: ${DEFAULT-VALUE})")
    private int r;

    @Option(
            names = "--w",
            defaultValue = "0",
            description = "W of writes; 0 = the nodes' default (default: ${DEFAULT-VALUE})")
    private int w;

    @Option(names = "--nodes", defaultValue = "5", description = "node processes (default: ${DEFAULT-VALUE})")
    private int nodes;

    @Option(
            names = "--duration",
            defaultValue = "30s",
            description = "how long clients run, e.g. 30s, 2m (default: ${DEFAULT-VALUE})")
    private String duration;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "seed of every random choice (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(
            names = "--out",
            defaultValue = "consistency-runs",
            description = "folder that receives the run's folder (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--name", description = "the test's name (default: WORKLOAD-NEMESIS-CONSISTENCY)")
    private String name;

    @Option(names = "--concurrency", defaultValue = "5", description = "client threads (default: ${DEFAULT-VALUE})")
    private int concurrency;

    @Option(
            names = "--keys",
            defaultValue = "8",
            description = "registers of the register workload (default: ${DEFAULT-VALUE})")
    private int keys;

    @Option(
            names = "--partitioner",
            defaultValue = "auto",
            description = "auto, nftables or link-filter (default: ${DEFAULT-VALUE})")
    private String partitioner;

    @Option(
            names = "--timeout",
            defaultValue = "1s",
            description = "budget of each operation (default: ${DEFAULT-VALUE})")
    private String timeout;

    @Option(
            names = "--think-time",
            defaultValue = "20ms",
            description = "pause of each client between operations (default: ${DEFAULT-VALUE})")
    private String thinkTime;

    @Option(
            names = "--convergence-timeout",
            defaultValue = "20s",
            description = "how long replicas get to agree after healing (default: ${DEFAULT-VALUE})")
    private String convergenceTimeout;

    @Option(
            names = "--expect-anomaly",
            description = "the run is meant to show a violation: an invalid history is the expected outcome")
    private boolean expectAnomaly;

    @Option(
            names = "--server-jar",
            description = "the runnable server jar (default: -Dringkv.serverJar or server/target/ringkv-server.jar)")
    private Path serverJar;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RunMain()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        RunOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException | IllegalStateException invalid) {
            err.println("ringkv-run: " + invalid.getMessage());
            return ERROR;
        }
        RunOutcome outcome;
        try {
            outcome = new TestRun(options).execute();
        } catch (RuntimeException failure) {
            err.println("ringkv-run: the run could not be carried out: " + failure.getMessage());
            return ERROR;
        }
        PrintWriter outWriter = spec.commandLine().getOut();
        outWriter.println(options.testName() + ": " + outcome.check().summary());
        if (outcome.convergence() != null) {
            outWriter.println("convergence: " + outcome.convergence().summary());
        }
        outWriter.println("verdict: " + outcome.verdict() + " (report in " + outcome.runDirectory() + ")");
        return exitCode(outcome.verdict());
    }

    /** The options as a record; package-private so tests can check the parsing. */
    RunOptions options() {
        WorkloadKind workloadKind = WorkloadKind.parse(workload);
        NemesisKind nemesisKind = NemesisKind.parse(nemesis);
        ConsistencySettings settings = new ConsistencySettings(
                ConsistencySettings.parseMode(consistency), r, w, DurationParser.parse(timeout));
        String testName = name != null
                ? name
                : workloadKind.keywordName() + "-" + nemesisKind.keywordName() + "-"
                        + settings.mode().name().toLowerCase(java.util.Locale.ROOT);
        return new RunOptions(
                testName,
                workloadKind,
                nemesisKind,
                settings,
                nodes,
                DurationParser.parse(duration),
                seed,
                out.resolve(testName + "-seed" + seed),
                serverJar != null ? ServerJar.requireFile(serverJar) : ServerJar.locate(),
                concurrency,
                keys,
                Partitioners.Choice.parse(partitioner),
                ScheduleTiming.DEFAULT,
                DurationParser.parse(thinkTime),
                DurationParser.parse(convergenceTimeout),
                expectAnomaly);
    }

    static int exitCode(Verdict verdict) {
        return switch (verdict) {
            case VALID -> VALID;
            case INVALID -> INVALID;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
