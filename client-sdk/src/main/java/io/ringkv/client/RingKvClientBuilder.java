package io.ringkv.client;

import io.opentelemetry.api.OpenTelemetry;
import io.ringkv.client.config.BackpressureMode;
import io.ringkv.client.config.ClientConfig;
import io.ringkv.client.config.ConnectionConfig;
import io.ringkv.client.config.HostAndPort;
import io.ringkv.client.config.TopologyConfig;
import io.ringkv.client.internal.ClientCore;
import io.ringkv.client.internal.ClientPolicies;
import io.ringkv.client.policy.DefaultRoutingPolicy;
import io.ringkv.client.policy.ExponentialReconnectionPolicy;
import io.ringkv.client.policy.ReconnectionPolicy;
import io.ringkv.client.policy.RoutingPolicy;
import io.ringkv.client.policy.SpeculativeReadPolicy;
import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.time.Clock;
import io.ringkv.time.SystemClock;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Configures and starts a {@link RingKvClient}. Every setting has a default (listed in
 * {@link ClientConfig}, {@link ConnectionConfig} and {@link TopologyConfig}); only the seeds are
 * required:
 *
 * <pre>{@code
 * try (RingKvClient client = RingKvClient.builder()
 *         .seeds("10.0.0.1:7101", "10.0.0.2:7101")
 *         .requestTimeout(Duration.ofMillis(500))
 *         .build()) {
 *     ...
 * }
 * }</pre>
 *
 * Not thread-safe; a builder may build several clients.
 */
public final class RingKvClientBuilder {

    private static final Duration RECONNECT_BASE_DELAY = Duration.ofMillis(100);
    private static final Duration RECONNECT_MAX_DELAY = Duration.ofSeconds(10);

    private final List<HostAndPort> seeds = new ArrayList<>();
    private ConnectionConfig connection = ConnectionConfig.DEFAULT;
    private TopologyConfig topology = TopologyConfig.DEFAULT;
    private Duration requestTimeout = ClientConfig.DEFAULT_REQUEST_TIMEOUT;
    private Duration timeoutMargin = ClientConfig.DEFAULT_TIMEOUT_MARGIN;
    private int updateAttempts = ClientConfig.DEFAULT_UPDATE_ATTEMPTS;
    private int ioThreads = ClientConfig.defaultIoThreads();
    private ProtocolLimits limits = ProtocolLimits.DEFAULT;
    private Long randomSeed;
    private RoutingPolicy routingPolicy = DefaultRoutingPolicy.INSTANCE;
    private SpeculativeReadPolicy speculativeReadPolicy = SpeculativeReadPolicy.NONE;
    private ReconnectionPolicy reconnectionPolicy;
    private OpenTelemetry openTelemetry = OpenTelemetry.noop();
    private Clock clock = SystemClock.INSTANCE;

    RingKvClientBuilder() {}

    /** Adds seed addresses, each {@code host:port} (the node's binary port; IPv6 in brackets). */
    public RingKvClientBuilder seeds(String... hostAndPorts) {
        for (String text : hostAndPorts) {
            seeds.add(HostAndPort.parse(text));
        }
        return this;
    }

    /** Adds seed addresses. */
    public RingKvClientBuilder seeds(Collection<HostAndPort> addresses) {
        seeds.addAll(addresses);
        return this;
    }

    /** The budget of an operation whose options name none (default 2 s). */
    public RingKvClientBuilder requestTimeout(Duration value) {
        this.requestTimeout = value;
        return this;
    }

    /** How much longer than its budget an operation waits for the node's own timeout answer (default 200 ms). */
    public RingKvClientBuilder timeoutMargin(Duration value) {
        this.timeoutMargin = value;
        return this;
    }

    /** All connection settings at once. */
    public RingKvClientBuilder connection(ConnectionConfig value) {
        this.connection = Objects.requireNonNull(value, "connection");
        return this;
    }

    /** Connections per node (default 2). */
    public RingKvClientBuilder connectionsPerNode(int value) {
        this.connection = connection.withConnectionsPerNode(value);
        return this;
    }

    /** The per-node bound on requests in flight (default 1024) and what happens when it is reached. */
    public RingKvClientBuilder maxInFlightPerNode(int value, BackpressureMode mode) {
        this.connection = connection.withMaxInFlightPerNode(value).withBackpressure(mode);
        return this;
    }

    /** Connect timeout (default 2 s). */
    public RingKvClientBuilder connectTimeout(Duration value) {
        this.connection = connection.withConnectTimeout(value);
        return this;
    }

    /**
     * The local address every connection to a node binds to, with an ephemeral port (default: none, the
     * operating system chooses). Lets tests place clients on their own loopback addresses.
     */
    public RingKvClientBuilder localAddress(InetAddress value) {
        this.connection = connection.withLocalAddress(Objects.requireNonNull(value, "localAddress"));
        return this;
    }

    /** All ring-refresh settings at once. */
    public RingKvClientBuilder topology(TopologyConfig value) {
        this.topology = Objects.requireNonNull(value, "topology");
        return this;
    }

    /** How often the ring is refreshed without a hint of change (default 5 s). */
    public RingKvClientBuilder ringRefreshInterval(Duration value) {
        this.topology = topology.withRefreshInterval(value);
        return this;
    }

    /** How long {@link #build()} waits for the first ring snapshot (default 10 s). */
    public RingKvClientBuilder bootstrapTimeout(Duration value) {
        this.topology = topology.withBootstrapTimeout(value);
        return this;
    }

    /** Read-merge-write rounds of {@code update()} (default 5). */
    public RingKvClientBuilder updateAttempts(int value) {
        this.updateAttempts = value;
        return this;
    }

    /** Event-loop threads (default min(2, processors)). */
    public RingKvClientBuilder ioThreads(int value) {
        this.ioThreads = value;
        return this;
    }

    /** Frame, key, value and sibling limits; match the servers' (default {@link ProtocolLimits#DEFAULT}). */
    public RingKvClientBuilder limits(ProtocolLimits value) {
        this.limits = Objects.requireNonNull(value, "limits");
        return this;
    }

    /** Seeds the client's random choices, so a test run can be repeated. */
    public RingKvClientBuilder randomSeed(long value) {
        this.randomSeed = value;
        return this;
    }

    /** The order in which a request tries a key's replicas (default {@link DefaultRoutingPolicy}). */
    public RingKvClientBuilder routingPolicy(RoutingPolicy value) {
        this.routingPolicy = Objects.requireNonNull(value, "routingPolicy");
        return this;
    }

    /** When slow reads are also sent to another replica (default: never). */
    public RingKvClientBuilder speculativeReadPolicy(SpeculativeReadPolicy value) {
        this.speculativeReadPolicy = Objects.requireNonNull(value, "speculativeReadPolicy");
        return this;
    }

    /**
     * Backoff between connection attempts to a node (default: exponential from 100 ms to 10 s with
     * jitter); also paces bootstrap rounds over the seeds.
     */
    public RingKvClientBuilder reconnectionPolicy(ReconnectionPolicy value) {
        this.reconnectionPolicy = Objects.requireNonNull(value, "reconnectionPolicy");
        return this;
    }

    /** Where spans and metrics go (default: the no-op implementation). The SDK uses only the API. */
    public RingKvClientBuilder openTelemetry(OpenTelemetry value) {
        this.openTelemetry = Objects.requireNonNull(value, "openTelemetry");
        return this;
    }

    /** The clock for deadlines and latency measurement (default: the system clock). */
    public RingKvClientBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * Validates the settings, starts the client and waits until it has fetched the ring from one of the
     * seeds, for at most the bootstrap timeout.
     *
     * @throws IllegalArgumentException for an invalid setting, naming it
     * @throws io.ringkv.client.error.NoReachableNodeException when no seed answered in time, with what
     *     each seed did
     */
    public RingKvClient build() {
        long seed = randomSeed != null ? randomSeed : clock.nanoTime() ^ clock.wallClockMillis();
        ClientConfig config = new ClientConfig(
                seeds, connection, topology, requestTimeout, timeoutMargin, updateAttempts, ioThreads, limits, seed);
        ReconnectionPolicy reconnection = reconnectionPolicy != null
                ? reconnectionPolicy
                : new ExponentialReconnectionPolicy(RECONNECT_BASE_DELAY, RECONNECT_MAX_DELAY, seed);
        ClientPolicies policies = new ClientPolicies(routingPolicy, speculativeReadPolicy, reconnection);
        return new RingKvClient(ClientCore.start(config, policies, openTelemetry, clock));
    }
}
