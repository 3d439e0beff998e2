package io.ringkv.server.antientropy;

import io.ringkv.causal.MalformedCausalDataException;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.membership.PeerAddress;
import io.ringkv.server.node.PeerMessenger;
import io.ringkv.server.storage.ReplicaStore;
import io.ringkv.server.storage.StorageException;
import io.ringkv.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs anti-entropy for one node: a pass takes every partition the node replicates, in order, and runs
 * one {@link AntiEntropySession} against each live co-replica, one session at a time, all on the
 * service's single-thread scheduler (so passes never overlap and share one {@link IoBudget}). Passes run
 * every {@link AntiEntropyConfig#intervalMillis()} after the previous one ended, and on demand
 * ({@link #runNow()}, the admin REPAIR command). A tombstone purge runs on the same thread at
 * {@link AntiEntropyConfig#purgeIntervalMillis()}.
 *
 * <p>It remembers when each (partition, peer) exchange last completed ({@link #lastCompletedExchange}),
 * the fact the {@link TombstonePurger} relies on. Thread-safe; {@link #close()} stops scheduling, and
 * the owner shuts the scheduler down.
 */
public final class AntiEntropyService implements ExchangeLog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AntiEntropyService.class);

    private final String localNodeId;
    private final AntiEntropyConfig config;
    private final Supplier<RingSnapshot> ring;
    private final Predicate<String> isAlive;
    private final Function<String, Optional<PeerAddress>> addressOf;
    private final MerkleForest forest;
    private final ReplicaStore store;
    private final PeerMessenger peers;
    private final IoBudget budget;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final AntiEntropyCounters counters;
    private final TombstonePurger purger;
    /** Start time (wall clock) of the last completed exchange, by partition and then peer. */
    private final Map<Integer, Map<String, Long>> lastExchanges = new ConcurrentHashMap<>();

    private volatile boolean closed;
    private ScheduledFuture<?> passes;
    private ScheduledFuture<?> purges;

    public AntiEntropyService(
            String localNodeId,
            AntiEntropyConfig config,
            Supplier<RingSnapshot> ring,
            Predicate<String> isAlive,
            Function<String, Optional<PeerAddress>> addressOf,
            MerkleForest forest,
            ReplicaStore store,
            PeerMessenger peers,
            IoBudget budget,
            Clock clock,
            ScheduledExecutorService scheduler,
            AntiEntropyCounters counters) {
        this.localNodeId = Objects.requireNonNull(localNodeId, "localNodeId");
        this.config = Objects.requireNonNull(config, "config");
        this.ring = Objects.requireNonNull(ring, "ring");
        this.isAlive = Objects.requireNonNull(isAlive, "isAlive");
        this.addressOf = Objects.requireNonNull(addressOf, "addressOf");
        this.forest = Objects.requireNonNull(forest, "forest");
        this.store = Objects.requireNonNull(store, "store");
        this.peers = Objects.requireNonNull(peers, "peers");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.purger = new TombstonePurger(store, config.tombstoneGraceMillis(), clock, this);
    }

    /** Starts the periodic passes and purges; with an interval of 0 only the purges are scheduled. */
    public synchronized void start() {
        if (config.intervalMillis() > 0) {
            passes = scheduler.scheduleWithFixedDelay(
                    this::scheduledPass, config.intervalMillis(), config.intervalMillis(), TimeUnit.MILLISECONDS);
        }
        long purgeInterval = config.purgeIntervalMillis();
        purges = scheduler.scheduleWithFixedDelay(
                this::scheduledPurge, purgeInterval, purgeInterval, TimeUnit.MILLISECONDS);
    }

    /** Queues a pass on the service's thread (after any pass already running) and yields its totals. */
    public CompletableFuture<PassResult> runNow() {
        CompletableFuture<PassResult> result = new CompletableFuture<>();
        try {
            scheduler.execute(() -> {
                try {
                    result.complete(runPass());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    result.completeExceptionally(interrupted);
                } catch (RuntimeException failure) {
                    result.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException closing) {
            result.completeExceptionally(closing);
        }
        return result;
    }

    /** Queues a tombstone purge of every replicated partition; yields the number of keys removed. */
    public CompletableFuture<Long> purgeNow() {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return purgeAll();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new AntiEntropyException("interrupted while purging tombstones", interrupted);
                    }
                },
                scheduler);
    }

    /** When the last exchange of {@code partition} with {@code peerNodeId} that completed had started. */
    public OptionalLong lastCompletedExchange(int partition, String peerNodeId) {
        Long startedAt = lastExchanges.getOrDefault(partition, Map.of()).get(peerNodeId);
        return startedAt == null ? OptionalLong.empty() : OptionalLong.of(startedAt);
    }

    @Override
    public boolean exchangedWithEveryCoReplicaAfter(int partition, long wallClockMillis) {
        RingSnapshot current = ring.get();
        if (current == null) {
            return false;
        }
        for (String peer : current.preferenceList(partition)) {
            if (peer.equals(localNodeId)) {
                continue;
            }
            OptionalLong exchanged = lastCompletedExchange(partition, peer);
            if (exchanged.isEmpty() || exchanged.getAsLong() <= wallClockMillis) {
                return false;
            }
        }
        return true;
    }

    public AntiEntropyCounters counters() {
        return counters;
    }

    public MerkleForest forest() {
        return forest;
    }

    /** Stops scheduling new passes; a pass in progress stops before its next session. */
    @Override
    public synchronized void close() {
        closed = true;
        if (passes != null) {
            passes.cancel(false);
        }
        if (purges != null) {
            purges.cancel(false);
        }
    }

    private void scheduledPass() {
        try {
            PassResult result = runPass();
            if (result.keysRepaired() > 0 || result.failedSessions() > 0) {
                LOG.info(
                        "node {} anti-entropy pass: {} sessions ({} failed), {} hashes received, {} keys repaired, {} ms",
                        localNodeId,
                        result.sessions(),
                        result.failedSessions(),
                        result.hashesReceived(),
                        result.keysRepaired(),
                        result.durationMillis());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            // A scheduled task that throws is never run again; log and keep the schedule alive.
            LOG.warn("node {} anti-entropy pass failed", localNodeId, unexpected);
        }
    }

    private void scheduledPurge() {
        try {
            long purged = purgeAll();
            if (purged > 0) {
                LOG.info("node {} purged {} tombstoned keys", localNodeId, purged);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            LOG.warn("node {} tombstone purge failed", localNodeId, unexpected);
        }
    }

    private PassResult runPass() throws InterruptedException {
        long startNanos = clock.nanoTime();
        RingSnapshot current = ring.get();
        long sessions = 0;
        long failed = 0;
        long skipped = 0;
        long hashes = 0;
        long repaired = 0;
        long received = 0;
        long sent = 0;
        long bytes = 0;
        if (current != null) {
            for (int partition : current.partitionsReplicatedBy(localNodeId).stream()
                    .sorted()
                    .toList()) {
                for (String peer : coReplicas(current, partition)) {
                    if (closed) {
                        throw new InterruptedException("anti-entropy is closing");
                    }
                    Optional<PeerAddress> address = isAlive.test(peer) ? addressOf.apply(peer) : Optional.empty();
                    if (address.isEmpty()) {
                        skipped++;
                        continue;
                    }
                    try {
                        ExchangeResult result = new AntiEntropySession(
                                        partition,
                                        peer,
                                        address.get(),
                                        forest,
                                        store,
                                        peers,
                                        budget,
                                        clock,
                                        config.requestTimeoutMillis())
                                .run();
                        lastExchanges
                                .computeIfAbsent(partition, ignored -> new ConcurrentHashMap<>())
                                .put(peer, result.startedAtMillis());
                        counters.sessionCompleted(result);
                        sessions++;
                        hashes += result.hashesReceived() + result.keyHashesReceived();
                        repaired += result.keysRepaired();
                        received += result.keysReceived();
                        sent += result.keysSent();
                        bytes += result.bytesExchanged();
                    } catch (AntiEntropyException | StorageException | MalformedCausalDataException failure) {
                        // One bad peer or key fails this session only; the next pass retries it.
                        counters.sessionFailed();
                        failed++;
                        LOG.debug(
                                "node {} anti-entropy of partition {} with {} failed",
                                localNodeId,
                                partition,
                                peer,
                                failure);
                    }
                }
            }
        }
        long durationMillis = TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - startNanos);
        return new PassResult(sessions, failed, skipped, hashes, repaired, received, sent, bytes, durationMillis);
    }

    private long purgeAll() throws InterruptedException {
        RingSnapshot current = ring.get();
        if (current == null) {
            return 0;
        }
        long purged = 0;
        for (int partition :
                current.partitionsReplicatedBy(localNodeId).stream().sorted().toList()) {
            if (closed) {
                break;
            }
            purged += purger.purge(partition);
        }
        counters.tombstonesPurged(purged);
        return purged;
    }

    private List<String> coReplicas(RingSnapshot current, int partition) {
        return current.preferenceList(partition).stream()
                .filter(peer -> !peer.equals(localNodeId))
                .toList();
    }
}
