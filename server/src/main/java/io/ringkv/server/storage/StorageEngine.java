package io.ringkv.server.storage;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A node's local, durable, ordered byte store: encoded {@link StorageKey}s to encoded sibling sets.
 *
 * <p><b>Ordering.</b> Keys are kept in the unsigned byte order of {@link StorageKey#encode()}, so a
 * partition is one contiguous range sorted by token and then by key bytes; scans return that order.
 *
 * <p><b>Durability.</b> A future returned by {@link #put} or {@link #remove} completes normally only
 * once the write is durable under the engine's {@link SyncPolicy}: for both policies that means written
 * to the write-ahead log and fsynced, so a process crash or power failure after completion cannot lose
 * it. It completes exceptionally with {@link StorageException} when the write failed; the write may then
 * or may not have reached the disk.
 *
 * <p><b>Visibility.</b> {@link #get} sees every write whose {@code put}/{@code remove} call has
 * <em>returned</em>, even before its future completes (read-your-writes; {@link ReplicaStore}'s
 * read-merge-write depends on it). Such a not-yet-durable value can still be lost by a crash, exactly
 * like the write itself, and the caller learns of it through the future. Scans see at least every write
 * whose future has completed.
 *
 * <p><b>Threading.</b> All methods are thread-safe and may be called from many threads at once. They
 * block (disk I/O, locks, and under {@link SyncPolicy.Kind#PER_WRITE} a whole fsync inside
 * {@code put}), so they must <em>never</em> be called on a Netty event loop; the server runs them on its
 * bounded storage executor. The one exception is {@link #lookupInMemory}, which never blocks. Under
 * group commit, futures complete on the engine's writer thread, in write order, right after the sync:
 * a dependent stage delays the next commit while it runs, so stages must be short (anything heavier
 * uses the {@code *Async} variants with its own executor), and a stage must never block waiting for
 * another write of the same engine (it would wait for its own thread).
 *
 * <p><b>Lifecycle.</b> Open with {@link StorageEngines#open(StorageConfig)}; {@link #close()} stops
 * accepting writes, waits until every queued write is durable and its future completed, and closes the
 * files. Calls after {@code close()} fail with {@link StorageException}.
 */
public interface StorageEngine extends AutoCloseable {

    /** The stored value of {@code key}, if any. */
    Optional<byte[]> get(StorageKey key);

    /**
     * The stored value of {@code key} when the engine can find it without blocking (in memory: queued
     * writes, memtable, block cache), else {@link MemoryLookup#NEEDS_IO}; safe on an event loop. When it
     * answers, the answer is what {@link #get} would have returned. The default never answers.
     */
    default MemoryLookup lookupInMemory(StorageKey key) {
        return MemoryLookup.NEEDS_IO;
    }

    /** Stores {@code value} under {@code key}, replacing any previous value; see the durability contract. */
    CompletableFuture<Void> put(StorageKey key, byte[] value);

    /**
     * Physically removes {@code key} (not a tombstone: used by tombstone purge and partition hand-off);
     * removing an absent key is not an error. Same durability contract as {@link #put}.
     */
    CompletableFuture<Void> remove(StorageKey key);

    /** Every entry of {@code partition}, in key order. Close the iterator when done. */
    CloseableIterator<StoredEntry> scanPartition(int partition);

    /**
     * The entries of {@code partition} strictly after {@code afterKey}, in key order: a scan resumed
     * where an earlier one stopped, e.g. after a streaming connection broke.
     *
     * @param afterKey the encoded form ({@link StorageKey#encode()}) of the last entry already received
     * @throws IllegalArgumentException when {@code afterKey} is not an encoded key of {@code partition}
     */
    CloseableIterator<StoredEntry> scanPartitionFrom(int partition, byte[] afterKey);

    /** An estimate of the number of stored keys (exact for some engines, cheap for all). */
    long approximateKeyCount();

    /** Which engine this is, for status reports and logs. */
    EngineKind kind();

    /** Flushes, waits for queued writes to become durable, completes their futures and closes files. */
    @Override
    void close();
}
