package io.ringkv.benchmarks.load;

import io.ringkv.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Issues a phase's operations with the configured {@link Concurrency} and waits for all of them to
 * complete. Operation types come from the {@link Workload}, keys from the {@link KeyChooser}, both drawn
 * from a random source seeded by the run's seed (one source per closed-loop thread).
 */
public final class LoadRunner {

    private final OperationExecutor executor;
    private final Workload workload;
    private final KeyChooser keyChooser;
    private final Concurrency concurrency;
    private final Clock clock;
    private final SplittableRandom random;
    private final long drainTimeoutMillis;

    /**
     * @param seed seeds every random choice of operation and key
     * @param drainTimeoutMillis how long to wait at the end of a phase for the requests still in flight
     *     (longer than the request timeout, so every request completes or fails)
     */
    public LoadRunner(
            OperationExecutor executor,
            Workload workload,
            KeyChooser keyChooser,
            Concurrency concurrency,
            Clock clock,
            long seed,
            long drainTimeoutMillis) {
        this.executor = executor;
        this.workload = workload;
        this.keyChooser = keyChooser;
        this.concurrency = concurrency;
        this.clock = clock;
        this.random = new SplittableRandom(seed);
        this.drainTimeoutMillis = drainTimeoutMillis;
    }

    /** Runs the phase's mix of operations, recording into {@code stats}; returns once all completed. */
    public void run(Phase phase, LatencyStats stats) throws InterruptedException {
        long endNanos = phase.isCounted()
                ? Long.MAX_VALUE
                : clock.nanoTime() + phase.duration().toNanos();
        AtomicLong issued = new AtomicLong();
        LongSupplier nextTicket = () -> {
            long ticket = issued.getAndIncrement();
            boolean more = phase.isCounted() ? ticket < phase.requests() : clock.nanoTime() < endNanos;
            return more ? ticket : -1;
        };
        if (concurrency.closedLoopThreads()) {
            runThreads(nextTicket, stats);
        } else {
            runInFlight(nextTicket, stats);
        }
    }

    /** Writes every key once, in index order, with the phase's concurrency; an update each. */
    public void loadEveryKey(LatencyStats stats) throws InterruptedException {
        AtomicLong issued = new AtomicLong();
        long keyCount = keyChooser.keyCount();
        LongSupplier nextTicket = () -> {
            long ticket = issued.getAndIncrement();
            return ticket < keyCount ? ticket : -1;
        };
        runInFlightKeys(nextTicket, stats);
    }

    private void runInFlight(LongSupplier nextTicket, LatencyStats stats) throws InterruptedException {
        int permits = concurrency.parallelism();
        Semaphore slots = new Semaphore(permits);
        while (true) {
            slots.acquire();
            long ticket = nextTicket.getAsLong();
            if (ticket < 0) {
                slots.release();
                break;
            }
            OperationType type = workload.nextOperation(random);
            long keyIndex = keyChooser.nextKeyIndex(random);
            executor.execute(type, keyIndex, stats).whenComplete((ignored, never) -> slots.release());
        }
        awaitDrained(slots, permits);
    }

    private void runInFlightKeys(LongSupplier nextTicket, LatencyStats stats) throws InterruptedException {
        int permits = concurrency.parallelism();
        Semaphore slots = new Semaphore(permits);
        while (true) {
            slots.acquire();
            long keyIndex = nextTicket.getAsLong();
            if (keyIndex < 0) {
                slots.release();
                break;
            }
            executor.execute(OperationType.UPDATE, keyIndex, stats).whenComplete((ignored, never) -> slots.release());
        }
        awaitDrained(slots, permits);
    }

    private void awaitDrained(Semaphore slots, int permits) throws InterruptedException {
        if (!slots.tryAcquire(permits, drainTimeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(
                    "requests still in flight " + drainTimeoutMillis + " ms after the phase ended");
        }
        slots.release(permits);
    }

    private void runThreads(LongSupplier nextTicket, LatencyStats stats) throws InterruptedException {
        int threads = concurrency.threads();
        List<SplittableRandom> sources = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            sources.add(random.split());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "load-thread");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (SplittableRandom source : sources) {
                loops.add(pool.submit(() -> {
                    while (nextTicket.getAsLong() >= 0) {
                        OperationType type = workload.nextOperation(source);
                        long keyIndex = keyChooser.nextKeyIndex(source);
                        executor.execute(type, keyIndex, stats)
                                .toCompletableFuture()
                                .join();
                    }
                }));
            }
            for (Future<?> loop : loops) {
                try {
                    loop.get();
                } catch (ExecutionException failure) {
                    throw new IllegalStateException("a load thread failed", failure.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
