package io.ringkv.client.config;

import io.ringkv.protocol.ProtocolLimits;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every setting of a client, with its default, validated once when the client is built. The builder
 * ({@code RingKvClient.builder()}) fills it in; this record is the one place the settings and their
 * defaults are written down.
 *
 * @param seeds where to fetch the first ring snapshot; any one reachable seed is enough, and after
 *     start-up the client refreshes from any live node, so seeds only matter at start. At least one
 * @param connection connections and backpressure per node ({@link ConnectionConfig#DEFAULT})
 * @param topology ring refresh and bootstrap ({@link TopologyConfig#DEFAULT})
 * @param requestTimeout the budget of an operation whose options name none, failovers included; it is
 *     also sent to the coordinating node as its timeout. Default 2 s, the server's default
 * @param timeoutMargin how much longer than the budget the client waits for an answer, so that a
 *     node's own {@code TIMEOUT} answer (which says how many replicas acknowledged) arrives before the
 *     client gives up. Default 200 ms
 * @param updateAttempts how many read-merge-write rounds {@code update()} makes when a write is
 *     rejected with a definite, retryable failure. Default 5
 * @param ioThreads Netty event-loop threads for all connections. Default min(2, available processors)
 * @param limits frame, key, value and sibling limits; keys and values over the limits are refused
 *     before they are sent. Default {@link ProtocolLimits#DEFAULT}, the server's default
 * @param randomSeed seeds the client's random choices (reconnection jitter, which node to refresh the
 *     ring from), so a test can repeat a run. Default: derived from the clock at start-up
 */
public record ClientConfig(
        List<HostAndPort> seeds,
        ConnectionConfig connection,
        TopologyConfig topology,
        Duration requestTimeout,
        Duration timeoutMargin,
        int updateAttempts,
        int ioThreads,
        ProtocolLimits limits,
        long randomSeed) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_TIMEOUT_MARGIN = Duration.ofMillis(200);
    public static final int DEFAULT_UPDATE_ATTEMPTS = 5;

    /** Timeouts travel as an unsigned 32-bit count of milliseconds. */
    private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofMillis(0xFFFF_FFFFL);

    public ClientConfig {
        seeds = List.copyOf(Objects.requireNonNull(seeds, "seeds"));
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one seed address (host:port) is required");
        }
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(topology, "topology");
        ConfigChecks.checkPositive("requestTimeout", requestTimeout);
        if (requestTimeout.compareTo(MAX_REQUEST_TIMEOUT) > 0) {
            throw new IllegalArgumentException(
                    "requestTimeout must be at most " + MAX_REQUEST_TIMEOUT.toMillis() + " ms, was " + requestTimeout);
        }
        Objects.requireNonNull(timeoutMargin, "timeoutMargin");
        if (timeoutMargin.isNegative()) {
            throw new IllegalArgumentException("timeoutMargin must not be negative, was " + timeoutMargin);
        }
        ConfigChecks.checkRange("updateAttempts", updateAttempts, 1, 100);
        ConfigChecks.checkRange("ioThreads", ioThreads, 1, 256);
        Objects.requireNonNull(limits, "limits");
    }

    /** The default number of event-loop threads. */
    public static int defaultIoThreads() {
        return Math.min(2, Runtime.getRuntime().availableProcessors());
    }
}
