package io.ringkv.server.storage;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The {@link SyncPolicy.Kind#PER_WRITE} pipeline: each write is applied and synced by the calling
 * thread before {@link #submit} returns, so the returned future is already complete. The read lock is
 * held for the whole write so that {@link #close()} (write lock) waits for writes in progress.
 */
final class DirectWriter implements WritePipeline {

    private final String storeName;
    private final WriteSink sink;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;

    DirectWriter(String storeName, WriteSink sink) {
        this.storeName = storeName;
        this.sink = sink;
    }

    @Override
    public CompletableFuture<Void> submit(byte[] key, byte[] value) {
        QueuedWrite write = new QueuedWrite(key, value);
        lifecycle.readLock().lock();
        try {
            if (closed) {
                return CompletableFuture.failedFuture(new StorageException(storeName + " is closed"));
            }
            sink.writeDurably(List.of(write));
            write.done().complete(null);
        } catch (StorageException failure) {
            write.done().completeExceptionally(failure);
        } finally {
            lifecycle.readLock().unlock();
        }
        return write.done();
    }

    @Override
    public Optional<byte[]> read(byte[] key, Function<byte[], byte[]> storeRead) {
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
            closed = true;
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
