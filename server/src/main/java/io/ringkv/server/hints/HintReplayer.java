package io.ringkv.server.hints;

import io.ringkv.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the hints of a {@link HintStore} to their owners once they are up, and deletes each hint only
 * after its owner acknowledged it.
 *
 * <p><b>Passes.</b> Every {@link HintConfig#replayIntervalMillis()} (after {@link #start()}), and at once
 * for one owner when gossip reports it up ({@link #ownerAlive}), a pass runs: it first drops expired hints
 * ({@link HintStore#expireAsync()}), then, for every owner that holds hints and that {@code isAlive}
 * says is up, reads the owner's oldest {@link HintConfig#replayBatchSize()} hints, delivers them all in
 * parallel, and removes each one whose delivery completed normally ({@link HintStore#removeAsync}, which
 * keeps a hint merged into while it was on its way). A full batch that removed something is followed by
 * the next batch, so a backlog drains at network speed, not one batch per interval. The first failed
 * delivery ends the owner's pass once the deliveries already started have finished; the failed hint
 * stays and is retried at the next pass. At most one pass per owner runs at a time: a trigger while one
 * runs joins it. Hints of different owners are delivered independently.
 *
 * <p><b>Threading.</b> Passes run on {@code scheduler}, which must allow short disk reads
 * ({@link HintStore#oldest}): a dedicated thread, not a Netty event loop and not the topology executor.
 * Completions of {@link HintDelivery} stages may arrive on any thread; the replayer hops back to
 * {@code scheduler} before touching the store. {@code isAlive} is called on the scheduler and must be
 * cheap and thread-safe (read a published membership view).
 *
 * <p><b>Lifecycle.</b> {@link #start()} once; {@link #close()} stops scheduling passes (a pass in flight
 * ends after its current batch). Close the replayer before the store and before shutting down the
 * scheduler; the scheduler belongs to the caller.
 */
public final class HintReplayer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HintReplayer.class);

    private final HintStore store;
    private final HintDelivery delivery;
    private final HintConfig config;
    private final Predicate<String> isAlive;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    /** The pass in flight per owner; an entry is removed just before its future completes. */
    private final ConcurrentHashMap<String, CompletableFuture<Void>> passes = new ConcurrentHashMap<>();
    /** True while an expiry is queued, so slow commits never pile up expiries. */
    private final AtomicBoolean expiring = new AtomicBoolean();

    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private ScheduledFuture<?> periodic;
    private volatile boolean closed;

    public HintReplayer(
            HintStore store,
            HintDelivery delivery,
            HintConfig config,
            Predicate<String> isAlive,
            ScheduledExecutorService scheduler,
            Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.config = Objects.requireNonNull(config, "config");
        this.isAlive = Objects.requireNonNull(isAlive, "isAlive");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Schedules a pass every {@link HintConfig#replayIntervalMillis()}, the first one interval from now.
     *
     * @throws IllegalStateException when already started or closed
     */
    public synchronized void start() {
        if (closed || periodic != null) {
            throw new IllegalStateException(
                    closed ? "the hint replayer is closed" : "the hint replayer is already started");
        }
        periodic = scheduler.scheduleWithFixedDelay(
                this::replayNow, config.replayIntervalMillis(), config.replayIntervalMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts a pass for {@code owner} now, without waiting for the interval; gossip calls it when the owner comes up. */
    public void ownerAlive(String owner) {
        Objects.requireNonNull(owner, "owner");
        if (!closed) {
            onScheduler(() -> replay(owner));
        }
    }

    /**
     * Runs a pass now: expiry, then every alive owner. The stage completes when every owner pass it
     * started (or joined) has ended, successfully or not; it never completes exceptionally.
     */
    public CompletionStage<Void> replayNow() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean accepted = !closed
                && onScheduler(() -> expireThenReplayAll().whenComplete((ignored, failure) -> done.complete(null)));
        if (!accepted) {
            done.complete(null);
        }
        return done;
    }

    /** What was delivered, failed and expired since this replayer was created. */
    public HintReplayCounters counters() {
        return new HintReplayCounters(delivered.sum(), failed.sum(), expired.sum());
    }

    /** Stops scheduling passes; deliveries in flight complete, and their passes end after the current batch. */
    @Override
    public synchronized void close() {
        closed = true;
        if (periodic != null) {
            periodic.cancel(false);
        }
    }

    private CompletableFuture<Void> expireThenReplayAll() {
        CompletableFuture<Void> expiry = CompletableFuture.completedFuture(null);
        if (expiring.compareAndSet(false, true)) {
            expiry = store.expireAsync().toCompletableFuture().handle((count, failure) -> {
                expiring.set(false);
                if (failure != null) {
                    LOG.warn("Could not drop expired hints: {}", failure.getMessage());
                } else {
                    expired.add(count);
                }
                return null;
            });
        }
        CompletableFuture<Void> all = new CompletableFuture<>();
        expiry.whenComplete((ignored, failure) -> {
            boolean accepted = onScheduler(() -> {
                List<CompletableFuture<Void>> ownerPasses = new ArrayList<>();
                try {
                    for (String owner : store.owners()) {
                        ownerPasses.add(replay(owner));
                    }
                } finally {
                    CompletableFuture.allOf(ownerPasses.toArray(CompletableFuture[]::new))
                            .whenComplete((done, passFailure) -> all.complete(null));
                }
            });
            if (!accepted) {
                all.complete(null);
            }
        });
        return all;
    }

    /** The pass of {@code owner}: the one in flight, a new one, or a completed stage when the owner is down. */
    private CompletableFuture<Void> replay(String owner) {
        if (closed || !isAlive.test(owner)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        CompletableFuture<Void> running = passes.putIfAbsent(owner, started);
        if (running != null) {
            return running;
        }
        new OwnerPass(owner, started).nextBatch();
        return started;
    }

    /**
     * Runs {@code task} on the scheduler and returns whether the scheduler took it (false once it is shut
     * down); a task that throws is logged, since a scheduler would swallow it.
     */
    private boolean onScheduler(Runnable task) {
        try {
            scheduler.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // Boundary: a scheduler swallows what its tasks throw; log it instead of losing it.
                    LOG.warn("Hint replay task failed", e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            LOG.debug("Hint replay scheduler refused a task (shut down): {}", e.getMessage());
            return false;
        }
    }

    /** What became of one hint of a batch. */
    private enum Outcome {
        REMOVED,
        /** Delivered, but an add merged into it meanwhile: kept for the next pass. */
        KEPT,
        DELIVERY_FAILED,
        STORE_FAILED
    }

    /** One owner's pass: batches read, delivered and removed one after the other, each step on the scheduler. */
    private final class OwnerPass {

        private final String owner;
        private final CompletableFuture<Void> done;
        private final long startNanos = clock.nanoTime();
        /** Only touched by the pass's steps, which run one after the other. */
        private long removedInPass;

        private OwnerPass(String owner, CompletableFuture<Void> done) {
            this.owner = owner;
            this.done = done;
        }

        void nextBatch() {
            try {
                if (closed || !isAlive.test(owner)) {
                    finish("the owner is down or the replayer closed");
                    return;
                }
                List<Hint> batch = store.oldest(owner, config.replayBatchSize());
                if (batch.isEmpty()) {
                    finish(null);
                    return;
                }
                List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(batch.size());
                for (Hint hint : batch) {
                    outcomes.add(deliverAndRemove(hint));
                }
                CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                        .whenComplete((ignored, failure) -> continueOnScheduler(() -> afterBatch(batch, outcomes)));
            } catch (RuntimeException e) {
                // Boundary: a failing store read or isAlive predicate must end the pass, or it would never end.
                LOG.warn("Hint replay to {} stopped: {}", owner, e.toString());
                finish(e.toString());
            }
        }

        private CompletableFuture<Outcome> deliverAndRemove(Hint hint) {
            CompletionStage<Void> sent;
            try {
                sent = delivery.deliver(owner, hint.key(), hint.set());
            } catch (RuntimeException e) {
                // Boundary: a delivery that throws instead of failing its stage is a failed delivery.
                sent = CompletableFuture.failedFuture(e);
            }
            // Hop off the thread that completed the delivery (maybe a Netty event loop) before the store.
            return sent.handleAsync((ignored, failure) -> failure, scheduler)
                    .toCompletableFuture()
                    .thenCompose(failure -> {
                        if (failure != null) {
                            failed.increment();
                            LOG.debug("Delivery of hint {} to {} failed: {}", hint.id(), owner, failure.toString());
                            return CompletableFuture.completedFuture(Outcome.DELIVERY_FAILED);
                        }
                        delivered.increment();
                        return store.removeAsync(hint).toCompletableFuture().handle((removed, storeFailure) -> {
                            if (storeFailure != null) {
                                // After close the store may be closed too: the hint is then simply delivered again.
                                if (!closed) {
                                    LOG.warn(
                                            "Could not remove delivered hint {} for {}: {}",
                                            hint.id(),
                                            owner,
                                            storeFailure.getMessage());
                                }
                                return Outcome.STORE_FAILED;
                            }
                            return removed ? Outcome.REMOVED : Outcome.KEPT;
                        });
                    });
        }

        private void afterBatch(List<Hint> batch, List<CompletableFuture<Outcome>> outcomes) {
            int removed = 0;
            String stopReason = null;
            for (CompletableFuture<Outcome> pending : outcomes) {
                // Complete by now; an exceptional one means the scheduler refused a step.
                Outcome outcome = pending.handle((value, failure) -> failure == null ? value : Outcome.STORE_FAILED)
                        .join();
                switch (outcome) {
                    case REMOVED -> removed++;
                    case KEPT -> {
                        // Delivered, and the newer part goes out with a later batch or pass.
                    }
                    case DELIVERY_FAILED -> stopReason = "a delivery failed";
                    case STORE_FAILED -> stopReason = "the hint store failed";
                }
            }
            removedInPass += removed;
            if (stopReason != null) {
                finish(stopReason);
            } else if (batch.size() == config.replayBatchSize() && removed > 0) {
                nextBatch();
            } else {
                finish(null);
            }
        }

        private void continueOnScheduler(Runnable step) {
            try {
                scheduler.execute(step);
            } catch (RejectedExecutionException e) {
                finish("the scheduler is shut down");
            }
        }

        private void finish(String stopReason) {
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - startNanos);
            if (stopReason == null && removedInPass > 0) {
                LOG.info("Replayed {} hints to {} in {} ms", removedInPass, owner, elapsedMillis);
            } else if (stopReason != null) {
                LOG.debug(
                        "Hint replay to {} stopped after {} hints in {} ms: {}; retrying at the next pass",
                        owner,
                        removedInPass,
                        elapsedMillis,
                        stopReason);
            }
            passes.remove(owner, done);
            done.complete(null);
        }
    }
}
