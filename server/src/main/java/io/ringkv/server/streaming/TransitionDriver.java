package io.ringkv.server.streaming;

import io.ringkv.protocol.message.StreamChunk;
import io.ringkv.protocol.message.StreamRequest;
import io.ringkv.server.cluster.PendingTransition;
import io.ringkv.server.membership.RingRegister;
import io.ringkv.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the membership transitions this node proposed: waits until the pending owners have spread
 * ({@link StreamingConfig#settleMillis()}), copies every partition a node gains — its LINEARIZABLE registers
 * from a majority of the current replicas, then its sibling sets from one live current replica chunk by
 * chunk, paced by the byte budget and recording progress after each chunk — and then asks the topology to
 * complete the transition (propose the next layout).
 *
 * <p>A source that fails is replaced by the next live replica, resuming after the last delivered key;
 * when no source or the gainer is reachable the copy waits {@link StreamingConfig#retryDelayMillis()}
 * and tries again. A driver that restarts finds its transition in the persisted ring register and
 * resumes from {@link StreamProgressStore}. A transition that stops being current (superseded) is
 * abandoned.
 *
 * <p>Threading: {@link #step()} runs on one streaming thread (the node schedules it); while it streams,
 * up to {@link StreamingConfig#parallelCopies()} copier threads each copy one partition at a time, blocking
 * on chunk round trips and on the shared throttle, never on an event loop or the topology thread.
 */
public final class TransitionDriver {

    private static final Logger LOG = LoggerFactory.getLogger(TransitionDriver.class);

    /** How the driver waits (throttle, retries); tests substitute one that advances a manual clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final String localNodeId;
    private final Supplier<PendingTransition> transitions;
    private final Function<RingRegister, CompletionStage<Boolean>> finisher;
    private final Predicate<String> isAlive;
    private final StreamPeers peers;
    private final StreamProgressStore progress;
    private final TokenBucket budget;
    private final StreamingConfig config;
    private final StreamingCounters counters;
    private final Clock clock;
    private final Sleeper sleeper;
    private final List<TransitionReport> reports = new CopyOnWriteArrayList<>();

    private String activeId;
    private long activeSinceNanos;

    public TransitionDriver(
            String localNodeId,
            Supplier<PendingTransition> transitions,
            Function<RingRegister, CompletionStage<Boolean>> finisher,
            Predicate<String> isAlive,
            StreamPeers peers,
            StreamProgressStore progress,
            StreamingConfig config,
            StreamingCounters counters,
            Clock clock,
            Sleeper sleeper) {
        this.localNodeId = Objects.requireNonNull(localNodeId, "localNodeId");
        this.transitions = Objects.requireNonNull(transitions, "transitions");
        this.finisher = Objects.requireNonNull(finisher, "finisher");
        this.isAlive = Objects.requireNonNull(isAlive, "isAlive");
        this.peers = Objects.requireNonNull(peers, "peers");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.config = Objects.requireNonNull(config, "config");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        // A tenth of a second of burst: short enough that the average holds over any second.
        this.budget =
                new TokenBucket(clock, config.budgetBytesPerSecond(), Math.max(1, config.budgetBytesPerSecond() / 10));
    }

    /** Transitions this driver completed since the node started, oldest first. */
    public List<TransitionReport> reports() {
        return List.copyOf(reports);
    }

    /**
     * One step: notices a transition this node proposed, and once it has settled streams all of it and
     * completes it. Returns quickly when there is nothing to do.
     *
     * @throws InterruptedException when the node is closing
     */
    public void step() throws InterruptedException {
        PendingTransition transition = transitions.get();
        if (transition == null || !transition.register().proposer().equals(localNodeId)) {
            activeId = null;
            counters.partitionsPending(0);
            return;
        }
        if (!transition.id().equals(activeId)) {
            activeId = transition.id();
            activeSinceNanos = clock.nanoTime();
            progress.forgetAllBut(activeId);
            LOG.info(
                    "{} drives ring transition {}; streaming starts in {} ms",
                    localNodeId,
                    activeId,
                    config.settleMillis());
        }
        if (clock.nanoTime() - activeSinceNanos < TimeUnit.MILLISECONDS.toNanos(config.settleMillis())) {
            return;
        }
        Optional<TransitionReport> report = stream(transition);
        if (report.isEmpty()) {
            return;
        }
        boolean finished;
        try {
            finished =
                    finisher.apply(transition.register()).toCompletableFuture().get();
        } catch (ExecutionException failure) {
            LOG.warn("{} could not complete ring transition {}; retrying", localNodeId, activeId, failure.getCause());
            return;
        }
        if (finished) {
            reports.add(report.get());
            LOG.info(
                    "{} completed ring transition {}: {} partition copies, {} keys, {} bytes in {} ms",
                    localNodeId,
                    report.get().transitionId(),
                    report.get().partitionCopies(),
                    report.get().keys(),
                    report.get().bytes(),
                    report.get().millis());
        }
        progress.forget(transition.id());
        counters.partitionsPending(0);
        activeId = null;
    }

    /** Copies every partition of the transition; empty when it stopped being current meanwhile. */
    private Optional<TransitionReport> stream(PendingTransition transition) throws InterruptedException {
        long startNanos = clock.nanoTime();
        String id = transition.id();
        List<PartitionTransfer> transfers =
                TransitionPlan.transfers(transition.current(), transition.next(), localNodeId);
        Map<String, StreamProgress> recorded = progress.load(id);
        long remaining = transfers.stream()
                .filter(transfer -> !recorded.getOrDefault(transfer.progressKey(), StreamProgress.NONE)
                        .done())
                .count();
        counters.partitionsPending(remaining);
        LOG.info("{} streams {} of {} partition copies of transition {}", localNodeId, remaining, transfers.size(), id);
        long keys = 0;
        long bytes = 0;
        boolean abandoned = false;
        ExecutorService copiers = Executors.newFixedThreadPool(config.parallelCopies(), runnable -> {
            Thread copier = new Thread(runnable, "ringkv-" + localNodeId + "-copier");
            copier.setDaemon(true);
            return copier;
        });
        try {
            List<Future<Optional<long[]>>> copies = new ArrayList<>();
            for (PartitionTransfer transfer : transfers) {
                StreamProgress start = recorded.getOrDefault(transfer.progressKey(), StreamProgress.NONE);
                if (!start.done()) {
                    copies.add(copiers.submit(() -> copy(transition, transfer, start)));
                }
            }
            for (Future<Optional<long[]>> copy : copies) {
                Optional<long[]> copied = awaitCopy(copy);
                if (copied.isEmpty()) {
                    abandoned = true;
                    continue;
                }
                keys += copied.get()[0];
                bytes += copied.get()[1];
                counters.partitionsPending(--remaining);
            }
        } finally {
            // On an interruption (the node closes) or a failed copy this stops the copies still running, and
            // waits for them: a copier left running could record progress after a restarted driver read it.
            copiers.shutdownNow();
            awaitCopiersStopped(copiers);
        }
        if (abandoned) {
            LOG.info("{} abandons ring transition {}: it is no longer current", localNodeId, id);
            return Optional.empty();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - startNanos);
        return Optional.of(new TransitionReport(id, transfers.size(), keys, bytes, millis));
    }

    /**
     * Copies one partition to its gainer, chunk by chunk.
     *
     * @return {keys, bytes} delivered, or empty when the transition stopped being current
     */
    private Optional<long[]> copy(PendingTransition transition, PartitionTransfer transfer, StreamProgress start)
            throws InterruptedException {
        if (!copyRegisters(transition, transfer)) {
            return Optional.empty();
        }
        byte[] lastKey = start.lastKey();
        long keys = 0;
        long bytes = 0;
        int attempt = 0;
        while (true) {
            if (!isCurrent(transition)) {
                return Optional.empty();
            }
            Optional<String> source = liveSource(transfer, attempt);
            if (source.isEmpty() || !isAlive.test(transfer.gainer())) {
                LOG.warn(
                        "{}: partition {} cannot be copied to {} now (no live source among {}, or the gainer is"
                                + " down); retrying in {} ms",
                        localNodeId,
                        transfer.partition(),
                        transfer.gainer(),
                        transfer.sources(),
                        config.retryDelayMillis());
                sleeper.sleepNanos(TimeUnit.MILLISECONDS.toNanos(config.retryDelayMillis()));
                continue;
            }
            StreamChunk chunk;
            try {
                chunk = await(peers.fetch(
                        source.get(),
                        new StreamRequest(transfer.partition(), lastKey, config.chunkBytes()),
                        config.requestTimeoutMillis()));
                if (!chunk.entries().isEmpty()) {
                    await(peers.deliver(transfer.gainer(), chunk, config.requestTimeoutMillis()));
                }
            } catch (ExecutionException | TimeoutException failure) {
                attempt++;
                LOG.warn(
                        "{}: copying partition {} from {} to {} failed ({}); switching source",
                        localNodeId,
                        transfer.partition(),
                        source.get(),
                        transfer.gainer(),
                        failure instanceof ExecutionException ? failure.getCause() : failure);
                if (attempt % transfer.sources().size() == 0) {
                    sleeper.sleepNanos(TimeUnit.MILLISECONDS.toNanos(config.retryDelayMillis()));
                }
                continue;
            }
            long chunkBytes = StreamEndpoint.chunkBytes(chunk);
            keys += chunk.entries().size();
            bytes += chunkBytes;
            if (chunk.lastKey().length > 0) {
                lastKey = chunk.lastKey();
            }
            progress.record(transition.id(), transfer, new StreamProgress(lastKey, chunk.done()));
            pace(chunkBytes);
            if (chunk.done()) {
                return Optional.of(new long[] {keys, bytes});
            }
        }
    }

    private void awaitCopiersStopped(ExecutorService copiers) {
        try {
            if (!copiers.awaitTermination(config.requestTimeoutMillis() * 2L, TimeUnit.MILLISECONDS)) {
                LOG.warn(
                        "{}: partition copiers did not stop within {} ms",
                        localNodeId,
                        config.requestTimeoutMillis() * 2L);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Copies the partition's LINEARIZABLE registers to the gainer from a majority of its current replicas;
     * the gainer keeps the highest tag of each key. One source is not enough: a write completes on a bare
     * majority, so a single replica may lack the latest register, and the gainer would help a majority of the
     * new ring answer with an older value once it takes over. The copy runs after the settle delay, when
     * every coordinator already writes registers to a majority of both the current and the next preference
     * list, so together with those joint quorums every completed write reaches a majority of the new ring.
     * Not resumable by chunk: after a crash the registers are copied again (merging is idempotent).
     *
     * @return false when the transition stopped being current
     */
    private boolean copyRegisters(PendingTransition transition, PartitionTransfer transfer)
            throws InterruptedException {
        int majority = transfer.sources().size() / 2 + 1;
        Set<String> copiedFrom = new HashSet<>();
        while (true) {
            if (!isCurrent(transition)) {
                return false;
            }
            for (String source : transfer.sources()) {
                if (copiedFrom.size() < majority
                        && !copiedFrom.contains(source)
                        && isAlive.test(source)
                        && isAlive.test(transfer.gainer())
                        && copyRegistersFrom(source, transfer)) {
                    copiedFrom.add(source);
                }
            }
            if (copiedFrom.size() >= majority) {
                return true;
            }
            LOG.warn(
                    "{}: the registers of partition {} reached {} from {} of the {} replicas it needs ({});"
                            + " retrying in {} ms",
                    localNodeId,
                    transfer.partition(),
                    transfer.gainer(),
                    copiedFrom.size(),
                    majority,
                    transfer.sources(),
                    config.retryDelayMillis());
            sleeper.sleepNanos(TimeUnit.MILLISECONDS.toNanos(config.retryDelayMillis()));
        }
    }

    /** Streams every register of the partition on {@code source} to the gainer; false when a request failed. */
    private boolean copyRegistersFrom(String source, PartitionTransfer transfer) throws InterruptedException {
        byte[] lastKey = new byte[0];
        while (true) {
            StreamChunk chunk;
            try {
                chunk = await(peers.fetch(
                        source,
                        new StreamRequest(transfer.partition(), lastKey, config.chunkBytes(), true),
                        config.requestTimeoutMillis()));
                if (!chunk.entries().isEmpty()) {
                    await(peers.deliver(transfer.gainer(), chunk, config.requestTimeoutMillis()));
                }
            } catch (ExecutionException | TimeoutException failure) {
                LOG.warn(
                        "{}: copying the registers of partition {} from {} to {} failed ({})",
                        localNodeId,
                        transfer.partition(),
                        source,
                        transfer.gainer(),
                        failure instanceof ExecutionException ? failure.getCause() : failure);
                return false;
            }
            pace(StreamEndpoint.chunkBytes(chunk));
            if (chunk.done()) {
                return true;
            }
            lastKey = chunk.lastKey();
        }
    }

    /** Waits as the byte budget requires after {@code bytes} were copied; nothing for an empty chunk. */
    private void pace(long bytes) throws InterruptedException {
        if (bytes == 0) {
            return;
        }
        long waitNanos = budget.take(bytes);
        if (waitNanos > 0) {
            sleeper.sleepNanos(waitNanos);
        }
    }

    private static Optional<long[]> awaitCopy(Future<Optional<long[]>> copy) throws InterruptedException {
        try {
            return copy.get();
        } catch (ExecutionException failure) {
            if (failure.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (failure.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            throw new IllegalStateException("partition copy failed", failure.getCause());
        }
    }

    /** The first live source from position {@code attempt} on (wrapping), so a failed source is skipped. */
    private Optional<String> liveSource(PartitionTransfer transfer, int attempt) {
        List<String> sources = transfer.sources();
        for (int i = 0; i < sources.size(); i++) {
            String candidate = sources.get((attempt + i) % sources.size());
            if (isAlive.test(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private boolean isCurrent(PendingTransition transition) {
        PendingTransition current = transitions.get();
        return current != null && current.id().equals(transition.id());
    }

    private <T> T await(CompletionStage<T> stage) throws ExecutionException, TimeoutException, InterruptedException {
        // The stage has its own request timeout; this bound only guards against a stage never completing.
        return stage.toCompletableFuture().get(config.requestTimeoutMillis() * 2, TimeUnit.MILLISECONDS);
    }
}
