package io.ringkv.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything one load run is configured with; {@link LoadMain} builds it from the command line.
 *
 * @param seeds binary addresses ({@code host:port}) to fetch the ring from
 * @param client raw Netty client or SDK
 * @param routing token-aware or random coordinator
 * @param workload YCSB workload
 * @param distribution key distribution
 * @param keys number of keys
 * @param valueBytes size of every written value
 * @param concurrency requests in flight or closed-loop threads
 * @param duration measured phase length, when {@code requests} is 0
 * @param requests measured phase request count, or 0 to run for {@code duration}
 * @param warmup unmeasured phase before it (zero for none)
 * @param loadFirst write every key once before the warm-up
 * @param readQuorum R (0 = the node's default)
 * @param writeQuorum W (0 = the node's default)
 * @param timeoutMillis per-request budget sent to the coordinator
 * @param connectionsPerNode connections each client holds to every node
 * @param ioThreads client event-loop threads
 * @param seed seeds operation, key, value and random-routing choices
 * @param label free text naming the set-up in the summary (for example the storage engine)
 * @param jsonFile where to write the summary as JSON, or null
 * @param contextsFile where the key contexts are read from before the run (when it exists) and saved to
 *     after it, or null to start every run with blind first updates
 */
public record LoadOptions(
        List<String> seeds,
        ClientKind client,
        Routing routing,
        Workload workload,
        KeyDistribution distribution,
        long keys,
        int valueBytes,
        Concurrency concurrency,
        Duration duration,
        long requests,
        Duration warmup,
        boolean loadFirst,
        int readQuorum,
        int writeQuorum,
        long timeoutMillis,
        int connectionsPerNode,
        int ioThreads,
        long seed,
        String label,
        Path jsonFile,
        Path contextsFile) {

    public LoadOptions {
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one seed is needed");
        }
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(concurrency, "concurrency");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(label, "label");
        if (keys < 1 || keys > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("--keys must be within 1.." + (Integer.MAX_VALUE - 8));
        }
        if (distribution == KeyDistribution.ZIPFIAN && keys < 2) {
            throw new IllegalArgumentException("a zipfian distribution needs at least 2 keys");
        }
        if (valueBytes < 0) {
            throw new IllegalArgumentException("--value-bytes must not be negative");
        }
        if (requests < 0 || (requests == 0 && (duration == null || duration.isZero() || duration.isNegative()))) {
            throw new IllegalArgumentException("need a positive --duration or --requests");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        if (readQuorum < 0 || readQuorum > 255 || writeQuorum < 0 || writeQuorum > 255) {
            throw new IllegalArgumentException("--r and --w must be within 0..255 (0 = node default)");
        }
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("--timeout-millis must be positive");
        }
        if (connectionsPerNode < 1 || connectionsPerNode > 64) {
            throw new IllegalArgumentException("--connections-per-node must be within 1..64");
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("--io-threads must be positive");
        }
    }

    /** The measured phase. */
    public Phase measuredPhase() {
        return requests > 0 ? Phase.counted("measure", requests) : Phase.timed("measure", duration);
    }
}
