package io.ringkv.server.hints;

import io.ringkv.server.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The hint store's group commit: callers queue changes; one writer thread takes every change already
 * queued (up to {@code maxBatchSize}), hands the batch to the {@link BatchSink}, which applies it and
 * commits once, and only then are the changes' futures completed, so a completed add is a durable add.
 *
 * <p>Unlike the storage engines' writer it never waits for companions: while one commit runs, the next
 * changes queue up and form the next batch by themselves, and hints are a background load where an
 * added millisecond buys nothing. Every change, not only adds, goes through this one thread, so the
 * read-merge-write of an add, a removal's version check and expiry never race with each other and need
 * no locks. At most {@code 4 × maxBatchSize} changes may wait; beyond that {@link #submit} blocks
 * (backpressure rather than an unbounded heap).
 *
 * <p>Futures are completed in order on a second thread, the acknowledger, so that a dependent stage
 * that submits another change and waits for it cannot stall the writer. Such a stage still must not
 * wait on the acknowledger itself: {@link #isAcknowledgerThread()} lets the store refuse that.
 */
final class HintWriter implements AutoCloseable {

    /** Applies a batch of changes in order and makes them durable with one commit, or throws. */
    @FunctionalInterface
    interface BatchSink {

        /**
         * @throws StorageException when the batch could not be committed; the sink then rolled it back
         */
        void applyDurably(List<QueuedChange<?>> batch);
    }

    private static final Logger LOG = LoggerFactory.getLogger(HintWriter.class);
    private static final int QUEUE_CAPACITY_PER_BATCH = 4;
    private static final QueuedChange<Void> CLOSE_MARKER = new QueuedChange<>(() -> null);

    private final String storeName;
    private final int maxBatchSize;
    private final BatchSink sink;
    private final BlockingQueue<QueuedChange<?>> queue = new LinkedBlockingQueue<>();
    private final Semaphore capacity;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Thread writer;
    private final ExecutorService acknowledger;
    private volatile Thread acknowledgerThread;
    private volatile boolean closed;

    HintWriter(String storeName, int maxBatchSize, BatchSink sink) {
        this.storeName = storeName;
        this.maxBatchSize = maxBatchSize;
        this.sink = sink;
        this.capacity = new Semaphore(QUEUE_CAPACITY_PER_BATCH * maxBatchSize);
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        this.acknowledger = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(() -> runWithLogContext(logContext, task), "ringkv-hints-acks");
            thread.setDaemon(true);
            acknowledgerThread = thread;
            return thread;
        });
        this.writer = new Thread(() -> runWithLogContext(logContext, this::runWriter), "ringkv-hints-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Queues {@code change}; the future completes with its result once the batch holding it is durable,
     * or exceptionally (the change's own refusal, or {@link StorageException}). Blocks while the queue is
     * full.
     */
    <T> CompletableFuture<T> submit(Supplier<T> change) {
        QueuedChange<T> queued = new QueuedChange<>(change);
        try {
            capacity.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(
                    new StorageException("interrupted while waiting for room in the queue of " + storeName));
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                capacity.release();
                return CompletableFuture.failedFuture(new StorageException(storeName + " is closed"));
            }
            queue.add(queued);
        } finally {
            lifecycle.readLock().unlock();
        }
        return queued.done();
    }

    /** Whether the calling thread is the one that completes this writer's futures. */
    boolean isAcknowledgerThread() {
        return Thread.currentThread() == acknowledgerThread;
    }

    /** Stops accepting changes and returns once every queued change was applied and its future completed. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                queue.add(CLOSE_MARKER);
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        acknowledger.shutdown();
        // A dependent stage that closes the store runs on the acknowledger itself: it cannot wait for itself.
        while (!isAcknowledgerThread() && !acknowledger.isTerminated()) {
            try {
                acknowledger.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void runWithLogContext(Map<String, String> logContext, Runnable body) {
        if (logContext != null) {
            MDC.setContextMap(logContext);
        }
        body.run();
    }

    private void runWriter() {
        LOG.debug("Writer of {} started", storeName);
        List<QueuedChange<?>> batch = new ArrayList<>(maxBatchSize);
        try {
            boolean closing = false;
            while (!closing) {
                QueuedChange<?> first = queue.take();
                if (first == CLOSE_MARKER) {
                    break;
                }
                batch.add(first);
                closing = drainQueued(batch);
                flush(batch);
                batch.clear();
            }
            LOG.debug("Writer of {} stopped", storeName);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            shutDownIntake(batch);
        }
    }

    /** Moves already queued changes into {@code batch}, up to its limit; returns true when close was requested. */
    private boolean drainQueued(List<QueuedChange<?>> batch) {
        while (batch.size() < maxBatchSize) {
            QueuedChange<?> next = queue.poll();
            if (next == null) {
                return false;
            }
            if (next == CLOSE_MARKER) {
                return true;
            }
            batch.add(next);
        }
        return false;
    }

    private void flush(List<QueuedChange<?>> batch) {
        StorageException failure = null;
        try {
            sink.applyDurably(batch);
        } catch (StorageException e) {
            failure = e;
        } catch (RuntimeException e) {
            // Boundary: a bug in a change must fail this batch's futures, not kill the writer thread.
            failure = new StorageException("unexpected failure writing a batch to " + storeName, e);
        }
        if (failure != null) {
            LOG.warn("Failed to write a batch of {} changes to {}: {}", batch.size(), storeName, failure.getMessage());
        }
        capacity.release(batch.size());
        List<QueuedChange<?>> finished = List.copyOf(batch);
        StorageException outcome = failure;
        acknowledger.execute(() -> acknowledge(finished, outcome));
    }

    private static void acknowledge(List<QueuedChange<?>> finished, StorageException failure) {
        for (QueuedChange<?> change : finished) {
            if (failure == null) {
                change.completeCommitted();
            } else {
                change.fail(failure);
            }
        }
    }

    /**
     * Runs when the writer ends, normally or not: refuses new changes and fails any change still waiting,
     * so that no caller waits forever on a future nobody will complete.
     */
    private void shutDownIntake(List<QueuedChange<?>> unfinishedBatch) {
        lifecycle.writeLock().lock();
        try {
            closed = true;
        } finally {
            lifecycle.writeLock().unlock();
        }
        List<QueuedChange<?>> leftovers = new ArrayList<>(unfinishedBatch);
        queue.drainTo(leftovers);
        StorageException stopped = new StorageException("the writer of " + storeName + " stopped before this change");
        for (QueuedChange<?> change : leftovers) {
            if (change != CLOSE_MARKER) {
                change.fail(stopped);
            }
        }
        // Wake any caller blocked on a full queue; it will find the writer closed.
        capacity.release(Integer.MAX_VALUE / 2);
    }
}
