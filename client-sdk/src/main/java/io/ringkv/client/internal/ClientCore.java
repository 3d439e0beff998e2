package io.ringkv.client.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.opentelemetry.api.OpenTelemetry;
import io.ringkv.client.config.ClientConfig;
import io.ringkv.client.error.NoReachableNodeException;
import io.ringkv.client.error.RequestInterruptedException;
import io.ringkv.client.error.RingKvException;
import io.ringkv.client.internal.channel.ChannelConnector;
import io.ringkv.client.internal.channel.ClientIoThread;
import io.ringkv.client.internal.channel.ClientThreadFactory;
import io.ringkv.client.internal.pool.NodePools;
import io.ringkv.client.internal.request.RequestRunner;
import io.ringkv.client.internal.request.RequestServices;
import io.ringkv.client.internal.routing.NodeHealthTracker;
import io.ringkv.client.internal.routing.Router;
import io.ringkv.client.internal.telemetry.ClientTelemetry;
import io.ringkv.client.internal.timer.Scheduler;
import io.ringkv.client.internal.timer.WheelScheduler;
import io.ringkv.client.internal.topology.NetworkSnapshotSource;
import io.ringkv.client.internal.topology.TopologyManager;
import io.ringkv.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a running client owns, wired together: the event loops, the wheel timer, the topology
 * executor, connection pools, the topology manager and the request runner. Threads:
 * <ul>
 *   <li>{@code ringkv-io-*} event loops: all network I/O, reply matching, and the completion of
 *       operations' futures (so application callbacks run there unless they ask for an executor);
 *   <li>{@code ringkv-timer}: the wheel timer, which only hands due tasks to the event loops;
 *   <li>{@code ringkv-topology}: bootstrap and ring refresh, single-threaded so topology state needs no
 *       locks.
 * </ul>
 */
public final class ClientCore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientCore.class);

    /** How long close() waits for the event loops to stop. */
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;

    private final ClientConfig config;
    private final EventLoopGroup eventLoops;
    private final WheelScheduler scheduler;
    private final ScheduledExecutorService topologyExecutor;
    private final NodePools pools;
    private final TopologyManager topology;
    private final RequestRunner runner;
    private final NodeHealthTracker health;
    private final ClientTelemetry telemetry;

    private ClientCore(ClientConfig config, ClientPolicies policies, OpenTelemetry openTelemetry, Clock clock) {
        this.config = config;
        this.eventLoops = new NioEventLoopGroup(config.ioThreads(), new ClientThreadFactory());
        this.scheduler = new WheelScheduler(eventLoops);
        this.topologyExecutor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ringkv-topology");
            thread.setDaemon(true);
            return thread;
        });
        this.health = new NodeHealthTracker();
        this.telemetry = new ClientTelemetry(openTelemetry, clock);
        ChannelConnector connector = new ChannelConnector(
                eventLoops,
                config.limits(),
                config.connection().connectTimeout(),
                config.connection().localAddress(),
                clock);
        this.pools = new NodePools(config.connection(), connector, scheduler, policies.reconnection(), health, clock);
        long fetchTimeoutNanos = config.requestTimeout().toNanos();
        this.topology = new TopologyManager(
                config.seeds(),
                config.topology(),
                new NetworkSnapshotSource(connector, pools, scheduler, fetchTimeoutNanos),
                pools::update,
                telemetry::ringRefreshed,
                topologyExecutor,
                health,
                policies.reconnection(),
                clock,
                config.randomSeed());
        RequestServices services = new RequestServices(
                pools,
                topology,
                telemetry,
                scheduler,
                policies.speculativeReads(),
                clock,
                config.timeoutMargin().toNanos());
        this.runner = new RequestRunner(services, new Router(policies.routing(), health), config.requestTimeout());
    }

    /**
     * Starts a client and waits for its first ring snapshot.
     *
     * @throws NoReachableNodeException when no seed answered within the bootstrap timeout
     */
    public static ClientCore start(
            ClientConfig config, ClientPolicies policies, OpenTelemetry openTelemetry, Clock clock) {
        ClientCore core = new ClientCore(config, policies, openTelemetry, clock);
        try {
            core.topology
                    .bootstrap()
                    // The manager gives up at the bootstrap timeout itself; the margin only guards a hang.
                    .get(config.topology().bootstrapTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            LOG.debug("client started with seeds {} (random seed {})", config.seeds(), config.randomSeed());
            return core;
        } catch (ExecutionException failed) {
            core.close();
            if (failed.getCause() instanceof RingKvException ringKv) {
                throw ringKv;
            }
            throw new NoReachableNodeException(
                    "bootstrap failed", Map.of("bootstrap", String.valueOf(failed.getCause())));
        } catch (TimeoutException slow) {
            core.close();
            throw new NoReachableNodeException(
                    "no ring snapshot within " + config.topology().bootstrapTimeout(), Map.of());
        } catch (InterruptedException interrupted) {
            core.close();
            Thread.currentThread().interrupt();
            throw new RequestInterruptedException(interrupted);
        }
    }

    public ClientConfig config() {
        return config;
    }

    public RequestRunner runner() {
        return runner;
    }

    public TopologyManager topology() {
        return topology;
    }

    public NodePools pools() {
        return pools;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public NodeHealthTracker health() {
        return health;
    }

    /**
     * Fails every running operation with a {@code ClientClosedException}, closes all connections and
     * stops the threads. Idempotent.
     */
    @Override
    public void close() {
        // Order matters: stop writing new frames first, so that a slot freed by an ended operation
        // cannot send a queued write while the client closes; then end the operations, each knowing
        // whether its request was sent; only then close the connections.
        pools.refuseNewCalls();
        runner.close();
        topology.close();
        pools.close();
        topologyExecutor.shutdown();
        scheduler.close();
        if (ClientIoThread.isCurrent()) {
            // Closed from a callback on one of our event loops: it cannot wait for itself to stop.
            eventLoops.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        try {
            eventLoops
                    .shutdownGracefully(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    .await(SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
