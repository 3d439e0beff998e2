package io.ringkv.server.storage;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A {@link StorageEngine} that forwards every call; tests override the calls they want to observe. */
class ForwardingEngine implements StorageEngine {

    private final StorageEngine delegate;

    ForwardingEngine(StorageEngine delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<byte[]> get(StorageKey key) {
        return delegate.get(key);
    }

    @Override
    public CompletableFuture<Void> put(StorageKey key, byte[] value) {
        return delegate.put(key, value);
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
        return delegate.kind();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
