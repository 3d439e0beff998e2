package io.ringkv.server.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@link SyncPolicy.Kind#GROUP_COMMIT} pipeline: callers enqueue writes; one writer thread takes a
 * batch, hands it to the {@link WriteSink} (which writes it and syncs once), and only then are the
 * batch's futures completed, so an acknowledged write is a durable write.
 *
 * <p>A batch starts with the first queued write and takes every write already queued; it then waits for
 * more, at most {@code groupCommitIntervalMillis} after its first write, but only until it is as large
 * as the previous batch (see {@link #collectBatch}), and never beyond {@code maxBatchSize} writes. Writes that are queued but not yet
 * applied are kept in an overlay map so that {@link #read} sees them (read-your-writes); a write leaves
 * the overlay once the sink has applied it. At most {@code 4 × maxBatchSize} writes may wait at once;
 * beyond that {@link #submit} blocks until the writer catches up, so an overloaded node slows its
 * callers instead of filling its heap.
 *
 * <p>Futures are completed, in queue order, by the writer itself, right after the sync: handing them to
 * another thread cost a thread wake-up per batch on the path of every replica write (the measured gain of
 * dropping it is small and within run-to-run noise, see docs/benchmarks.md).
 * Dependent stages therefore run on the writer and delay the next commit while they run; the stages
 * this store's callers attach are short (count an ack, hand a reply to an event loop). Two rules keep
 * a dependent stage from deadlocking the writer: a write submitted from the writer thread never waits
 * for room in the queue (it is taken over the bound; a chain of stages that each write again would grow
 * the queue, and the node attaches none), and {@link #close} called from the writer does not wait for
 * the writer. A dependent stage must still never block on another write of this pipeline.
 * The writer measures its interval with {@link System#nanoTime()} because it waits on a blocking queue;
 * nothing else here reads a clock.
 */
final class GroupCommitWriter implements WritePipeline {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int QUEUE_CAPACITY_PER_BATCH = 4;
    private static final QueuedWrite CLOSE_MARKER = new QueuedWrite(new byte[0], null);

    private final String storeName;
    private final long intervalNanos;
    private final int maxBatchSize;
    private final WriteSink sink;
    private final BlockingQueue<QueuedWrite> queue = new LinkedBlockingQueue<>();
    private final Map<ByteBuffer, QueuedWrite> unapplied = new ConcurrentHashMap<>();
    private final Semaphore capacity;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Thread writer;
    private volatile boolean closed;
    /** Size of the last batch; only the writer thread reads or writes it. */
    private int previousBatchSize = 1;

    GroupCommitWriter(String storeName, int groupCommitIntervalMillis, int maxBatchSize, WriteSink sink) {
        this.storeName = storeName;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(groupCommitIntervalMillis);
        this.maxBatchSize = maxBatchSize;
        this.sink = sink;
        this.capacity = new Semaphore(QUEUE_CAPACITY_PER_BATCH * maxBatchSize);
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        this.writer =
                new Thread(() -> runWithLogContext(logContext, this::runWriter), "ringkv-storage-writer-" + storeName);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public CompletableFuture<Void> submit(byte[] key, byte[] value) {
        // A dependent stage running on the writer must not wait for the writer: its write goes over the bound.
        boolean fromWriter = Thread.currentThread() == writer;
        QueuedWrite write = new QueuedWrite(key, value, fromWriter);
        try {
            if (!fromWriter) {
                capacity.acquire();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(
                    new StorageException("interrupted while waiting for room in the write queue of " + storeName));
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                releaseCapacity(write);
                return CompletableFuture.failedFuture(new StorageException(storeName + " is closed"));
            }
            // Overlay and queue change together per key, so the overlay always shows the key's last queued write.
            unapplied.compute(ByteBuffer.wrap(key), (ignored, previous) -> {
                queue.add(write);
                return write;
            });
        } finally {
            lifecycle.readLock().unlock();
        }
        return write.done();
    }

    @Override
    public Optional<byte[]> read(byte[] key, Function<byte[], byte[]> storeRead) {
        QueuedWrite pending = unapplied.get(ByteBuffer.wrap(key));
        if (pending != null) {
            return Optional.ofNullable(pending.value());
        }
        return Optional.ofNullable(storeRead.apply(key));
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

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
        // A dependent stage that closes the store runs on the writer itself: it cannot wait for itself.
        while (Thread.currentThread() != writer && writer.isAlive()) {
            try {
                writer.join();
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
        LOG.debug("Group-commit writer of {} started", storeName);
        List<QueuedWrite> batch = new ArrayList<>(maxBatchSize);
        try {
            boolean closing = false;
            while (!closing) {
                QueuedWrite first = queue.take();
                if (first == CLOSE_MARKER) {
                    break;
                }
                batch.add(first);
                closing = collectBatch(batch);
                previousBatchSize = batch.size();
                flush(batch);
                batch.clear();
            }
            LOG.debug("Group-commit writer of {} stopped", storeName);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            shutDownIntake(batch);
        }
    }

    /**
     * Adds writes to {@code batch} until it is full, the interval since its first write has passed, or it is
     * as large as the previous batch; returns true when close was requested. The last rule is what keeps
     * waiting cheap: once as many writes are back as kept the previous batch busy, waiting longer would
     * mostly add latency. A lone writer therefore never waits, and a steady load waits only for itself.
     */
    private boolean collectBatch(List<QueuedWrite> batch) throws InterruptedException {
        long deadline = System.nanoTime() + intervalNanos;
        while (batch.size() < maxBatchSize) {
            QueuedWrite next = queue.poll();
            if (next == null) {
                long remainingNanos = deadline - System.nanoTime();
                if (batch.size() >= previousBatchSize || remainingNanos <= 0) {
                    return false;
                }
                next = queue.poll(remainingNanos, TimeUnit.NANOSECONDS);
                if (next == null) {
                    return false;
                }
            }
            if (next == CLOSE_MARKER) {
                return true;
            }
            batch.add(next);
        }
        return false;
    }

    private void flush(List<QueuedWrite> batch) {
        StorageException failure = null;
        try {
            sink.writeDurably(batch);
        } catch (StorageException e) {
            failure = e;
        } catch (RuntimeException e) {
            // Boundary: an engine bug must fail this batch's futures, not kill the writer thread.
            failure = new StorageException("unexpected failure writing a batch to " + storeName, e);
        }
        if (failure != null) {
            LOG.warn("Failed to write a batch of {} writes to {}: {}", batch.size(), storeName, failure.getMessage());
        }
        for (QueuedWrite write : batch) {
            unapplied.remove(ByteBuffer.wrap(write.key()), write);
            releaseCapacity(write);
        }
        // A dependent stage that throws fails only its own future: complete() itself does not throw.
        for (QueuedWrite write : batch) {
            if (failure == null) {
                write.done().complete(null);
            } else {
                write.done().completeExceptionally(failure);
            }
        }
    }

    private void releaseCapacity(QueuedWrite write) {
        if (!write.isUnbounded()) {
            capacity.release();
        }
    }

    /**
     * Runs when the writer ends, normally or not: refuses new writes and fails any write still waiting,
     * so that no caller waits forever on a future nobody will complete.
     */
    private void shutDownIntake(List<QueuedWrite> unfinishedBatch) {
        lifecycle.writeLock().lock();
        try {
            closed = true;
        } finally {
            lifecycle.writeLock().unlock();
        }
        List<QueuedWrite> leftovers = new ArrayList<>(unfinishedBatch);
        queue.drainTo(leftovers);
        StorageException stopped = new StorageException("the writer of " + storeName + " stopped before this write");
        for (QueuedWrite write : leftovers) {
            if (write != CLOSE_MARKER && write.done().completeExceptionally(stopped)) {
                unapplied.remove(ByteBuffer.wrap(write.key()), write);
            }
        }
        // Wake any caller blocked on a full queue; it will find the pipeline closed.
        capacity.release(Integer.MAX_VALUE / 2);
    }
}
