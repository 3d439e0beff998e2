package io.ringkv.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load generator's command line. Example, the target workload against the dev cluster:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.ringkv.benchmarks.load.LoadMain \
 *     --seeds 127.0.0.1:7101,127.0.0.1:7102,127.0.0.1:7103 --workload A --in-flight 64 \
 *     --r 2 --w 2 --load-first --warmup 10s --duration 30s
 * </pre>
 */
@Command(
        name = "ringkv-load",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "YCSB-style load against a RingKV cluster over the binary protocol.")
public final class LoadMain implements Callable<Integer> {

    @Option(names = "--seeds", required = true, split = ",", description = "binary host:port of one or more nodes")
    List<String> seeds;

    @Option(names = "--client", defaultValue = "sdk", description = "raw (plain Netty) or sdk (default)")
    String client;

    @Option(names = "--routing", defaultValue = "token", description = "token (a replica) or random (any node)")
    String routing;

    @Option(names = "--workload", defaultValue = "A", description = "A 50/50 read/update, B 95/5, C read only")
    Workload workload;

    @Option(names = "--keys", defaultValue = "100000", description = "number of keys")
    long keys;

    @Option(names = "--distribution", defaultValue = "uniform", description = "uniform or zipfian (0.99)")
    String distribution;

    @Option(names = "--value-bytes", defaultValue = "1024", description = "bytes per value")
    int valueBytes;

    @Option(names = "--in-flight", defaultValue = "64", description = "requests outstanding (unless --threads)")
    int inFlight;

    @Option(names = "--threads", defaultValue = "0", description = "closed-loop threads instead of --in-flight")
    int threads;

    @Option(
            names = "--duration",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "measured time (500ms, 30s, 2m)")
    Duration duration;

    @Option(names = "--requests", defaultValue = "0", description = "measured request count instead of --duration")
    long requests;

    @Option(
            names = "--warmup",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "unmeasured time first (0s for none)")
    Duration warmup;

    @Option(names = "--load-first", description = "write every key once before the warm-up")
    boolean loadFirst;

    @Option(names = "--r", defaultValue = "2", description = "read quorum R (0 = node default)")
    int readQuorum;

    @Option(names = "--w", defaultValue = "2", description = "write quorum W (0 = node default)")
    int writeQuorum;

    @Option(names = "--timeout-millis", defaultValue = "2000", description = "per-request timeout")
    long timeoutMillis;

    @Option(names = "--connections-per-node", defaultValue = "2", description = "connections to each node")
    int connectionsPerNode;

    @Option(names = "--io-threads", defaultValue = "2", description = "client event-loop threads")
    int ioThreads;

    @Option(names = "--seed", defaultValue = "42", description = "random seed")
    long seed;

    @Option(names = "--label", defaultValue = "", description = "names the set-up in the summary, e.g. rocksdb")
    String label;

    @Option(names = "--json", description = "also write the summary as JSON to this file")
    Path jsonFile;

    @Option(
            names = "--contexts-file",
            description = "read key contexts from this file before the run (if it exists) and save them after,"
                    + " so updates in a later run against the same data are not blind")
    Path contextsFile;

    private final PrintStream out;

    LoadMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        int exitCode = new CommandLine(new LoadMain(System.out))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
        System.exit(exitCode);
    }

    @Override
    public Integer call() throws Exception {
        LoadOptions options = options();
        LoadSummary summary = LoadBenchmark.run(options, out);
        out.println();
        out.print(SummaryFormatter.text(summary));
        if (jsonFile != null) {
            Path parent = jsonFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(jsonFile.toFile(), summary);
            out.println("summary written to " + jsonFile);
        }
        return 0;
    }

    LoadOptions options() {
        return new LoadOptions(
                seeds,
                parse(ClientKind.class, client, "--client"),
                parse(Routing.class, routing, "--routing"),
                workload,
                parse(KeyDistribution.class, distribution, "--distribution"),
                keys,
                valueBytes,
                threads > 0 ? Concurrency.threads(threads) : Concurrency.inFlight(inFlight),
                duration,
                requests,
                warmup,
                loadFirst,
                readQuorum,
                writeQuorum,
                timeoutMillis,
                connectionsPerNode,
                ioThreads,
                seed,
                label,
                jsonFile,
                contextsFile);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(option + " must be one of "
                + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT)
                + ", was " + value);
    }
}
