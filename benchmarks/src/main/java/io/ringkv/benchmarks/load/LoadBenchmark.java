package io.ringkv.benchmarks.load;

import io.ringkv.benchmarks.load.raw.RawClient;
import io.ringkv.client.RingKvClient;
import io.ringkv.client.policy.DefaultRoutingPolicy;
import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.time.Clock;
import io.ringkv.time.SystemClock;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * One load run: connects the chosen client, optionally writes every key once, warms up, then measures
 * and summarises. The server counters and the load average are read just before and just after the
 * measured phase.
 */
public final class LoadBenchmark {

    /** Extra wait after a phase beyond the request timeout for the last replies. */
    private static final long DRAIN_MARGIN_MILLIS = 5_000;

    private final LoadOptions options;
    private final KvDriver driver;
    private final ServerCounters counters;
    private final Clock clock;
    private final PrintStream out;

    public LoadBenchmark(LoadOptions options, KvDriver driver, ServerCounters counters, Clock clock, PrintStream out) {
        this.options = options;
        this.driver = driver;
        this.counters = counters;
        this.clock = clock;
        this.out = out;
    }

    /** Connects the client {@code options} name, runs, closes the client. */
    public static LoadSummary run(LoadOptions options, PrintStream out) throws InterruptedException, IOException {
        List<InetSocketAddress> seeds =
                options.seeds().stream().map(LoadBenchmark::address).toList();
        RingSnapshot ring;
        KvDriver driver;
        if (options.client() == ClientKind.RAW) {
            RawClient raw = RawClient.connect(seeds, options.connectionsPerNode(), options.ioThreads());
            ring = raw.ring();
            driver = new RawKvDriver(
                    raw,
                    options.routing(),
                    options.seed(),
                    options.readQuorum(),
                    options.writeQuorum(),
                    options.timeoutMillis());
        } else {
            // The SDK's routing policy sees a key's replicas only; random routing needs every node id.
            try (RawClient probe = RawClient.connect(seeds, 1, 1)) {
                ring = probe.ring();
            }
            driver = sdkDriver(options, ring);
        }
        try (KvDriver running = driver) {
            return new LoadBenchmark(options, running, ServerCounters.of(ring), SystemClock.INSTANCE, out).execute();
        }
    }

    private static SdkKvDriver sdkDriver(LoadOptions options, RingSnapshot ring) {
        List<String> nodeIds = ring.nodes().values().stream()
                .filter(NodeInfo::alive)
                .map(NodeInfo::nodeId)
                .toList();
        RingKvClient client = RingKvClient.builder()
                .seeds(options.seeds().toArray(String[]::new))
                .connectionsPerNode(options.connectionsPerNode())
                .ioThreads(options.ioThreads())
                .requestTimeout(Duration.ofMillis(options.timeoutMillis()))
                .randomSeed(options.seed())
                .routingPolicy(
                        options.routing() == Routing.RANDOM
                                ? new RandomNodeRoutingPolicy(nodeIds, options.seed())
                                : DefaultRoutingPolicy.INSTANCE)
                .build();
        return new SdkKvDriver(client, options.readQuorum(), options.writeQuorum());
    }

    private static InetSocketAddress address(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("seed must be host:port, was " + hostAndPort);
        }
        return new InetSocketAddress(
                hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    /** Runs the phases on the connected driver. */
    public LoadSummary execute() throws InterruptedException, IOException {
        KeySpace keys = new KeySpace(options.keys());
        ContextCache contexts = new ContextCache(options.keys());
        OperationExecutor executor = new OperationExecutor(
                driver, keys, new ValuePool(options.valueBytes(), options.seed()), contexts, clock);
        LoadRunner runner = new LoadRunner(
                executor,
                options.workload(),
                KeyChooser.of(options.distribution(), options.keys()),
                options.concurrency(),
                clock,
                options.seed(),
                options.timeoutMillis() + DRAIN_MARGIN_MILLIS);

        if (options.contextsFile() != null && Files.exists(options.contextsFile())) {
            long loaded = contexts.load(options.contextsFile());
            out.printf(
                    "read the contexts of %s keys from %s%n", SummaryFormatter.grouped(loaded), options.contextsFile());
        }
        if (options.loadFirst()) {
            LatencyStats loading = new LatencyStats();
            long startNanos = clock.nanoTime();
            try (ProgressReporter progress = new ProgressReporter("load", loading, clock, out)) {
                runner.loadEveryKey(loading);
            }
            double seconds = (clock.nanoTime() - startNanos) / 1e9;
            out.printf(
                    "loaded %s keys in %.1f s (%s writes/s), %s failed %s%n",
                    SummaryFormatter.grouped(options.keys()),
                    seconds,
                    SummaryFormatter.grouped(Math.round(options.keys() / Math.max(seconds, 1e-9))),
                    SummaryFormatter.grouped(loading.failureCount()),
                    loading.errors());
        }
        if (!options.warmup().isZero()) {
            LatencyStats warming = new LatencyStats();
            try (ProgressReporter progress = new ProgressReporter("warmup", warming, clock, out)) {
                runner.run(Phase.timed("warmup", options.warmup()), warming);
            }
        }

        LatencyStats stats = new LatencyStats();
        Optional<Map<String, Long>> countersBefore = readCounters();
        String loadBefore = LoadAverage.read();
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long startNanos = clock.nanoTime();
        try (ProgressReporter progress = new ProgressReporter("measure", stats, clock, out)) {
            runner.run(options.measuredPhase(), stats);
        }
        double seconds = (clock.nanoTime() - startNanos) / 1e9;
        if (options.contextsFile() != null) {
            contexts.save(options.contextsFile());
        }
        String loadAfter = LoadAverage.read();
        Optional<Map<String, Long>> countersAfter = readCounters();
        Map<String, Long> counterDelta = countersBefore.isPresent() && countersAfter.isPresent()
                ? ServerCounters.delta(countersBefore.get(), countersAfter.get())
                : Map.of();
        return summarise(stats, startedAt, seconds, counterDelta, loadBefore, loadAfter);
    }

    private Optional<Map<String, Long>> readCounters() throws InterruptedException {
        try {
            return Optional.of(counters.read());
        } catch (IOException unavailable) {
            out.println("server counters unavailable: " + unavailable);
            return Optional.empty();
        }
    }

    private LoadSummary summarise(
            LatencyStats stats,
            Instant startedAt,
            double seconds,
            Map<String, Long> counterDelta,
            String loadBefore,
            String loadAfter) {
        List<OperationStats> operations = new ArrayList<>();
        for (OperationType type : OperationType.values()) {
            Histogram total = stats.total(type);
            if (total.getTotalCount() > 0) {
                operations.add(OperationStats.of(type.label(), total, seconds));
            }
        }
        Histogram all = stats.totalOfAll();
        operations.add(OperationStats.of("all", all, seconds));
        return new LoadSummary(
                options.label(),
                startedAt.toString(),
                options.workload().name(),
                options.distribution().name().toLowerCase(Locale.ROOT),
                options.keys(),
                options.valueBytes(),
                options.client().name().toLowerCase(Locale.ROOT),
                options.routing().name().toLowerCase(Locale.ROOT),
                options.concurrency().toString(),
                options.readQuorum(),
                options.writeQuorum(),
                seconds,
                seconds > 0 ? all.getTotalCount() / seconds : 0,
                operations,
                stats.failureCount(),
                stats.errors(),
                stats.readsWithSiblings(),
                stats.readsNotFound(),
                counterDelta,
                loadBefore,
                loadAfter);
    }
}
