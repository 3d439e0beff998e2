package io.ringkv.server.storage.rocksdb;

import io.ringkv.server.storage.CloseableIterator;
import io.ringkv.server.storage.EngineKind;
import io.ringkv.server.storage.MemoryLookup;
import io.ringkv.server.storage.QueuedWrite;
import io.ringkv.server.storage.ScanRange;
import io.ringkv.server.storage.StorageEngine;
import io.ringkv.server.storage.StorageException;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.StoredEntry;
import io.ringkv.server.storage.SyncPolicy;
import io.ringkv.server.storage.WritePipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.rocksdb.FlushOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.ReadTier;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RocksDB engine: a database directory, {@value #DIRECTORY_NAME}, in the data directory; data in
 * the default column family, in unsigned byte order, so a partition is a key range; the write-ahead log
 * always on.
 *
 * <p>Every write is a {@link WriteBatch} written with {@code sync=true} (WAL append and fsync before
 * the call returns). Under group commit one writer thread puts a whole batch of queued writes into one
 * {@code WriteBatch}, so one fsync covers them; under per-write sync each caller writes its own and
 * RocksDB may merge the fsyncs of concurrent callers. Measured on a 2-core VM with 16 writer threads
 * and 1 KB values, our writer thread did about twice the durable puts/s of relying on RocksDB's own
 * merging of concurrent sync writes, which is why group commit uses it (see {@code docs/storage.md}).
 *
 * <p>RocksDB objects crash the JVM when used after they are closed, so every access holds a read lock
 * and {@link #close()} takes the write lock, closes open scans first, flushes the memtables (a faster
 * next start) and only then closes the database.
 */
public final class RocksDbStorageEngine implements StorageEngine {

    /** The database directory inside the data directory. */
    public static final String DIRECTORY_NAME = "data.rocksdb";

    /** The store kind written into the header. */
    public static final String KIND = "rocksdb";

    private static final Logger LOG = LoggerFactory.getLogger(RocksDbStorageEngine.class);

    private final Path directory;
    private final RocksDbHandles handles;
    private final WriteOptions syncWrites = new WriteOptions().setSync(true);
    /** Reads that give up rather than touch a file: the memtables and the block cache only. */
    private final ReadOptions memoryOnlyReads = new ReadOptions().setReadTier(ReadTier.BLOCK_CACHE_TIER);

    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Set<RocksDbScan> openScans = ConcurrentHashMap.newKeySet();
    private final WritePipeline pipeline;
    private volatile boolean closed;

    private RocksDbStorageEngine(Path directory, RocksDbHandles handles, SyncPolicy syncPolicy) {
        this.directory = directory;
        this.handles = handles;
        this.pipeline = WritePipeline.open(syncPolicy, "rocksdb:" + directory, this::writeDurably);
    }

    /**
     * Opens (or creates) the database in {@code dataDirectory}.
     *
     * @throws StorageException when the directory is foreign, corrupt, of a newer format, or in use
     */
    public static RocksDbStorageEngine open(Path dataDirectory, SyncPolicy syncPolicy) {
        Path directory = dataDirectory.resolve(DIRECTORY_NAME);
        RocksDbHandles handles = RocksDbStores.openOrCreate(directory, KIND);
        LOG.info("Opened RocksDB store {} (sync policy {})", directory, syncPolicy.kind());
        return new RocksDbStorageEngine(directory, handles, syncPolicy);
    }

    @Override
    public Optional<byte[]> get(StorageKey key) {
        return pipeline.read(key.encode(), this::readStore);
    }

    @Override
    public MemoryLookup lookupInMemory(StorageKey key) {
        try {
            return pipeline.read(key.encode(), this::readStoreFromMemory)
                    .map(MemoryLookup::found)
                    .orElse(MemoryLookup.ABSENT);
        } catch (WouldBlock e) {
            return MemoryLookup.NEEDS_IO;
        }
    }

    @Override
    public CompletableFuture<Void> put(StorageKey key, byte[] value) {
        return pipeline.submit(key.encode(), Objects.requireNonNull(value, "value"));
    }

    @Override
    public CompletableFuture<Void> remove(StorageKey key) {
        return pipeline.submit(key.encode(), null);
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
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return handles.db().getLongProperty(handles.data(), "rocksdb.estimate-num-keys");
        } catch (RocksDBException e) {
            throw RocksDbStores.translate(directory, "count the keys of", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public EngineKind kind() {
        return EngineKind.ROCKSDB;
    }

    @Override
    public void close() {
        pipeline.close();
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            openScans.forEach(RocksDbScan::release);
            openScans.clear();
            flushQuietly();
            handles.closeQuietly();
            syncWrites.close();
            memoryOnlyReads.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
        LOG.info("Closed RocksDB store {}", directory);
    }

    /** Shared by {@link RocksDbScan}: runs with the store guaranteed open, or throws. */
    <T> T whileOpen(Supplier<T> action) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return action.get();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    void forgetScan(RocksDbScan scan) {
        openScans.remove(scan);
    }

    Path directory() {
        return directory;
    }

    private CloseableIterator<StoredEntry> scan(ScanRange range) {
        return whileOpen(() -> {
            RocksDbScan scan = new RocksDbScan(this, handles, range);
            openScans.add(scan);
            return scan;
        });
    }

    private byte[] readStore(byte[] key) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return handles.db().get(handles.data(), key);
        } catch (RocksDBException e) {
            throw RocksDbStores.translate(directory, "read from", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Like {@link #readStore}, but throws {@link WouldBlock} where that would wait for a file or for close. */
    private byte[] readStoreFromMemory(byte[] key) {
        if (!lifecycle.readLock().tryLock()) {
            throw WouldBlock.INSTANCE;
        }
        try {
            ensureOpen();
            return handles.db().get(handles.data(), memoryOnlyReads, key);
        } catch (RocksDBException e) {
            if (e.getStatus() != null && e.getStatus().getCode() == Status.Code.Incomplete) {
                // RocksDB's answer to a block-cache-tier read that would have to read a file. The JNI
                // layer builds an exception for it, so a node whose working set exceeds memory pays that
                // on most reads before they go to the executor; not measured here (the benchmarks' data fit).
                throw WouldBlock.INSTANCE;
            }
            throw RocksDbStores.translate(directory, "read from", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** The {@link io.ringkv.server.storage.WriteSink}: one synced write batch. */
    private void writeDurably(List<QueuedWrite> batch) {
        lifecycle.readLock().lock();
        try (WriteBatch writeBatch = new WriteBatch()) {
            ensureOpen();
            for (QueuedWrite write : batch) {
                if (write.isRemoval()) {
                    writeBatch.delete(handles.data(), write.key());
                } else {
                    writeBatch.put(handles.data(), write.key(), write.value());
                }
            }
            handles.db().write(syncWrites, writeBatch);
        } catch (RocksDBException e) {
            throw RocksDbStores.translate(directory, "write to", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void flushQuietly() {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            handles.db().flush(flush, handles.data());
        } catch (RocksDBException e) {
            // Not fatal: every write is already in the synced write-ahead log, which the next open replays.
            LOG.warn(
                    "Could not flush RocksDB store {} on close; the next start replays its log: {}",
                    directory,
                    e.getMessage());
        }
    }

    /** Signals, without a stack trace, that a memory-only read would have had to block. */
    private static final class WouldBlock extends RuntimeException {
        static final WouldBlock INSTANCE = new WouldBlock();

        private WouldBlock() {
            super("a memory-only read would block", null, false, false);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException("RocksDB store " + directory + " is closed");
        }
    }
}
