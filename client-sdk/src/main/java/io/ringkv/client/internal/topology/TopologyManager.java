package io.ringkv.client.internal.topology;

import io.ringkv.client.config.HostAndPort;
import io.ringkv.client.config.TopologyConfig;
import io.ringkv.client.error.NoReachableNodeException;
import io.ringkv.client.internal.routing.NodeHealthTracker;
import io.ringkv.client.policy.ReconnectionPolicy;
import io.ringkv.protocol.message.RingSnapshotReply;
import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.NodeState;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the client's ring view current. It bootstraps from the seeds (each tried in turn, in rounds
 * with backoff until the bootstrap timeout), then refreshes on a schedule and as soon as a reply
 * announces a newer ring version, from a few live nodes of the current ring first and the seeds last,
 * so losing every seed after start-up does no harm.
 *
 * <p>All state except the published snapshot is confined to one single-threaded executor, so it needs
 * no locks; other threads only post tasks to it. Refreshes are coalesced: while one is running, or
 * within {@link TopologyConfig#minRefreshGap()} of the last start, further triggers collapse into one
 * follow-up. A new snapshot is published through a volatile field (requests read it once and use it
 * for their whole life) and handed to the listener, which resizes the connection pools.
 */
public final class TopologyManager {

    private static final Logger LOG = LoggerFactory.getLogger(TopologyManager.class);

    /** Live nodes asked per refresh before falling back to the seeds. */
    private static final int NODES_TRIED_PER_REFRESH = 3;

    private final List<HostAndPort> seeds;
    private final TopologyConfig config;
    private final SnapshotSource source;
    private final Consumer<RingSnapshot> listener;
    private final Runnable onRefreshStarted;
    private final ScheduledExecutorService executor;
    private final Executor postToExecutor;
    private final NodeHealthTracker health;
    private final ReconnectionPolicy bootstrapBackoff;
    private final Clock clock;
    private final Random random;

    private volatile RingSnapshot current;
    private final AtomicLong announcedVersion = new AtomicLong(-1);
    /** Set while a refresh requested by {@link #refreshSoon()} waits in the executor's queue. */
    private final AtomicBoolean refreshPosted = new AtomicBoolean();

    // Confined to the executor.
    private boolean refreshing;
    private boolean coolingDown;
    private boolean refreshAgain;
    private boolean closed;
    private ScheduledFuture<?> periodicRefresh;

    public TopologyManager(
            List<HostAndPort> seeds,
            TopologyConfig config,
            SnapshotSource source,
            Consumer<RingSnapshot> listener,
            Runnable onRefreshStarted,
            ScheduledExecutorService executor,
            NodeHealthTracker health,
            ReconnectionPolicy bootstrapBackoff,
            Clock clock,
            long randomSeed) {
        this.seeds = List.copyOf(seeds);
        this.config = config;
        this.source = source;
        this.listener = listener;
        this.onRefreshStarted = onRefreshStarted;
        this.executor = executor;
        this.postToExecutor = task -> {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException shutDown) {
                // The client closed while a fetch was in flight; its result no longer matters.
                LOG.trace("topology task dropped after close");
            }
        };
        this.health = health;
        this.bootstrapBackoff = bootstrapBackoff;
        this.clock = clock;
        this.random = new Random(randomSeed);
    }

    /** The current ring view; null until the bootstrap succeeded. */
    public RingSnapshot current() {
        return current;
    }

    /**
     * Fetches the first snapshot from the seeds, retrying rounds of all seeds with backoff until
     * {@link TopologyConfig#bootstrapTimeout()} has passed, then fails with a
     * {@link NoReachableNodeException} listing what each seed answered. On success the periodic
     * refresh starts.
     */
    public CompletableFuture<RingSnapshot> bootstrap() {
        CompletableFuture<RingSnapshot> result = new CompletableFuture<>();
        long deadlineNanos = clock.nanoTime() + config.bootstrapTimeout().toNanos();
        Map<String, String> failures = Collections.synchronizedMap(new LinkedHashMap<>());
        postToExecutor.execute(() -> bootstrapRound(1, deadlineNanos, failures, result));
        return result;
    }

    private void bootstrapRound(
            int round, long deadlineNanos, Map<String, String> failures, CompletableFuture<RingSnapshot> result) {
        if (closed || result.isDone()) {
            return;
        }
        List<Fetch> fetches = new ArrayList<>();
        for (HostAndPort seed : seeds) {
            fetches.add(new Fetch(seed.toString(), () -> source.fromSeed(seed)));
        }
        fetchFirst(
                fetches,
                0,
                failures,
                snapshot -> {
                    install(snapshot);
                    startPeriodicRefresh();
                    result.complete(snapshot);
                },
                () -> {
                    long delayNanos = bootstrapBackoff.delayNanos(round);
                    if (clock.nanoTime() + delayNanos >= deadlineNanos) {
                        result.completeExceptionally(new NoReachableNodeException(
                                "no seed answered with a ring snapshot", Map.copyOf(failures)));
                        return;
                    }
                    LOG.info("no seed reachable yet (round {}): {}; retrying", round, failures);
                    executor.schedule(
                            () -> bootstrapRound(round + 1, deadlineNanos, failures, result),
                            delayNanos,
                            TimeUnit.NANOSECONDS);
                });
    }

    private void startPeriodicRefresh() {
        long intervalNanos = config.refreshInterval().toNanos();
        periodicRefresh =
                executor.scheduleWithFixedDelay(this::refresh, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Notes the ring version a reply carried; when it is newer than the current snapshot's, a refresh
     * is requested (once per announced version). Cheap: called for every reply, from any thread.
     */
    public void observeRingVersion(long version) {
        RingSnapshot snapshot = current;
        if (snapshot == null || version <= snapshot.version()) {
            return;
        }
        long announced = announcedVersion.get();
        if (version > announced && announcedVersion.compareAndSet(announced, version)) {
            LOG.debug("a reply announced ring version {}, ours is {}; refreshing", version, snapshot.version());
            postToExecutor.execute(this::refresh);
        }
    }

    /** Requests a refresh now, e.g. after a node said it is not a replica of a key we sent it. */
    public void refreshSoon() {
        // One queued task is enough however many replies ask: the executor's queue stays short.
        if (refreshPosted.compareAndSet(false, true)) {
            postToExecutor.execute(() -> {
                refreshPosted.set(false);
                refresh();
            });
        }
    }

    /** Runs on the executor. */
    private void refresh() {
        if (closed) {
            return;
        }
        if (refreshing || coolingDown) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        coolingDown = true;
        executor.schedule(this::endCoolDown, config.minRefreshGap().toNanos(), TimeUnit.NANOSECONDS);
        onRefreshStarted.run();
        Map<String, String> failures = new LinkedHashMap<>();
        fetchFirst(
                refreshSources(),
                0,
                failures,
                snapshot -> {
                    install(snapshot);
                    endRefresh();
                },
                () -> {
                    LOG.warn("ring refresh failed, keeping version {}: {}", current.version(), failures);
                    endRefresh();
                });
    }

    private void endRefresh() {
        refreshing = false;
        // Forget announcements the fetch did not satisfy, so that the next reply announcing the version
        // triggers another attempt (rate-limited by the cool-down).
        announcedVersion.set(current.version());
        if (refreshAgain && !coolingDown) {
            refreshAgain = false;
            refresh();
        }
    }

    private void endCoolDown() {
        coolingDown = false;
        if (refreshAgain && !refreshing) {
            refreshAgain = false;
            refresh();
        }
    }

    /** A few usable nodes of the current ring in random order, then every seed. */
    private List<Fetch> refreshSources() {
        List<String> candidates = new ArrayList<>();
        for (NodeInfo node : current.nodes().values()) {
            if (node.state() != NodeState.LEFT && node.alive() && health.isReachable(node.nodeId())) {
                candidates.add(node.nodeId());
            }
        }
        Collections.shuffle(candidates, random);
        List<Fetch> fetches = new ArrayList<>();
        for (String nodeId : candidates.subList(0, Math.min(NODES_TRIED_PER_REFRESH, candidates.size()))) {
            fetches.add(new Fetch(nodeId, () -> source.fromNode(nodeId)));
        }
        for (HostAndPort seed : seeds) {
            fetches.add(new Fetch(seed.toString(), () -> source.fromSeed(seed)));
        }
        return fetches;
    }

    /**
     * Tries the fetches one after the other until one yields a valid snapshot; every continuation runs
     * on the executor.
     */
    private void fetchFirst(
            List<Fetch> fetches,
            int index,
            Map<String, String> failures,
            Consumer<RingSnapshot> onSuccess,
            Runnable onAllFailed) {
        if (closed) {
            return;
        }
        if (index >= fetches.size()) {
            onAllFailed.run();
            return;
        }
        Fetch fetch = fetches.get(index);
        CompletableFuture<RingSnapshotReply> reply;
        try {
            reply = fetch.start().get();
        } catch (RuntimeException failedToStart) {
            reply = CompletableFuture.failedFuture(failedToStart);
        }
        reply.whenCompleteAsync(
                (answer, error) -> {
                    if (closed) {
                        return;
                    }
                    RingSnapshot snapshot = null;
                    if (error == null) {
                        try {
                            snapshot = SnapshotMapper.toSnapshot(answer);
                        } catch (IllegalArgumentException invalid) {
                            error = invalid;
                        }
                    }
                    if (snapshot != null) {
                        onSuccess.accept(snapshot);
                    } else {
                        failures.put(fetch.name(), describe(error));
                        fetchFirst(fetches, index + 1, failures, onSuccess, onAllFailed);
                    }
                },
                postToExecutor);
    }

    private void install(RingSnapshot snapshot) {
        RingSnapshot previous = current;
        if (previous != null && snapshot.version() < previous.version()) {
            LOG.debug("ignoring ring version {}, older than ours ({})", snapshot.version(), previous.version());
            return;
        }
        current = snapshot;
        listener.accept(snapshot);
        if (previous == null || previous.version() != snapshot.version()) {
            LOG.info(
                    "ring version {} ({} nodes, Q={}, N={})",
                    snapshot.version(),
                    snapshot.nodes().size(),
                    snapshot.partitionCount(),
                    snapshot.replicationFactor());
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    /** Stops refreshing; runs on the executor so it is ordered after any refresh step already queued. */
    public void close() {
        postToExecutor.execute(() -> {
            closed = true;
            if (periodicRefresh != null) {
                periodicRefresh.cancel(false);
            }
        });
    }

    /** One way to fetch a snapshot, named for the failure report. */
    private record Fetch(String name, Supplier<CompletableFuture<RingSnapshotReply>> start) {}
}
