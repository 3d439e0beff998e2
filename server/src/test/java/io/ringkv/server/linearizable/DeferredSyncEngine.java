package io.ringkv.server.linearizable;

import io.ringkv.protocol.message.AbdTag;
import io.ringkv.server.storage.CloseableIterator;
import io.ringkv.server.storage.EngineKind;
import io.ringkv.server.storage.StorageEngine;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.StoredEntry;
import io.ringkv.server.storage.memory.InMemoryStorageEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An in-memory engine that records the tag of every register put, and optionally holds each put's
 * durability future until the test syncs, like a group commit that has not run yet.
 */
final class DeferredSyncEngine implements StorageEngine {

    private final InMemoryStorageEngine delegate = new InMemoryStorageEngine();
    private final boolean deferred;
    private final List<CompletableFuture<Void>> unsynced = new ArrayList<>();
    private final List<AbdTag> putTags = new ArrayList<>();

    DeferredSyncEngine(boolean deferred) {
        this.deferred = deferred;
    }

    @Override
    public Optional<byte[]> get(StorageKey key) {
        return delegate.get(key);
    }

    @Override
    public synchronized CompletableFuture<Void> put(StorageKey key, byte[] value) {
        putTags.add(RegisterCodec.decode(value).tag());
        CompletableFuture<Void> written = delegate.put(key, value);
        if (!deferred) {
            return written;
        }
        CompletableFuture<Void> durable = new CompletableFuture<>();
        unsynced.add(durable);
        return durable;
    }

    /** Stores bytes that need not be a register, bypassing the recording (corruption tests). */
    void putRaw(StorageKey key, byte[] value) {
        delegate.put(key, value).join();
    }

    /** Makes every put so far durable, completing their futures. */
    void sync() {
        List<CompletableFuture<Void>> due;
        synchronized (this) {
            due = List.copyOf(unsynced);
            unsynced.clear();
        }
        due.forEach(future -> future.complete(null));
    }

    synchronized List<AbdTag> putTags() {
        return List.copyOf(putTags);
    }

    @Override
    public CompletableFuture<Void> remove(StorageKey key) {
        return delegate.remove(key);
    }

    @Override
    public CloseableIterator<StoredEntry> scanPartition(int partition) {
        return delegate.scanPartition(partition);
    }

    @Override
    public CloseableIterator<StoredEntry> scanPartitionFrom(int partition, byte[] afterKey) {
        return delegate.scanPartitionFrom(partition, afterKey);
    }

    @Override
    public long approximateKeyCount() {
        return delegate.approximateKeyCount();
    }

    @Override
    public EngineKind kind() {
        return EngineKind.MEMORY;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
