package io.ringkv.server.storage.memory;

import io.ringkv.server.storage.CloseableIterator;
import io.ringkv.server.storage.EngineKind;
import io.ringkv.server.storage.MemoryLookup;
import io.ringkv.server.storage.ScanRange;
import io.ringkv.server.storage.StorageEngine;
import io.ringkv.server.storage.StorageException;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.StoredEntry;
import io.ringkv.server.storage.UnsignedBytes;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link StorageEngine} on the heap, for tests and simulations: a {@link ConcurrentSkipListMap} in
 * unsigned byte order. Writes are "durable" (visible, and their futures complete) as soon as
 * {@link #put} returns; everything is lost when the process ends. Scans are weakly consistent: they see
 * every write completed before the scan started and may see later ones.
 */
public final class InMemoryStorageEngine implements StorageEngine {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final ConcurrentSkipListMap<byte[], byte[]> entries = new ConcurrentSkipListMap<>(UnsignedBytes.COMPARATOR);
    private volatile boolean closed;

    @Override
    public Optional<byte[]> get(StorageKey key) {
        ensureOpen();
        return Optional.ofNullable(entries.get(key.encode()));
    }

    @Override
    public MemoryLookup lookupInMemory(StorageKey key) {
        return get(key).map(MemoryLookup::found).orElse(MemoryLookup.ABSENT);
    }

    @Override
    public CompletableFuture<Void> put(StorageKey key, byte[] value) {
        Objects.requireNonNull(value, "value");
        if (closed) {
            return closedFailure();
        }
        entries.put(key.encode(), value);
        return DONE;
    }

    @Override
    public CompletableFuture<Void> remove(StorageKey key) {
        if (closed) {
            return closedFailure();
        }
        entries.remove(key.encode());
        return DONE;
    }

    @Override
    public CloseableIterator<StoredEntry> scanPartition(int partition) {
        return scan(ScanRange.partition(partition));
    }

    @Override
    public CloseableIterator<StoredEntry> scanPartitionFrom(int partition, byte[] afterKey) {
        return scan(ScanRange.partitionAfter(partition, afterKey));
    }

    @Override
    public long approximateKeyCount() {
        ensureOpen();
        return entries.size();
    }

    @Override
    public EngineKind kind() {
        return EngineKind.MEMORY;
    }

    /** Marks the engine closed; the entries stay on the heap until it is garbage. */
    @Override
    public void close() {
        closed = true;
    }

    private CloseableIterator<StoredEntry> scan(ScanRange range) {
        ensureOpen();
        Iterator<Map.Entry<byte[], byte[]>> iterator = entries.subMap(
                        range.startKey(), range.startInclusive(), range.endKeyExclusive(), false)
                .entrySet()
                .iterator();
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public StoredEntry next() {
                Map.Entry<byte[], byte[]> entry = iterator.next();
                return new StoredEntry(StorageKey.decode(entry.getKey()), entry.getValue());
            }

            @Override
            public void close() {
                // Nothing to release: the iterator reads the heap map.
            }
        };
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException("in-memory store is closed");
        }
    }

    private static CompletableFuture<Void> closedFailure() {
        return CompletableFuture.failedFuture(new StorageException("in-memory store is closed"));
    }
}
