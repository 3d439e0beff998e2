package io.ringkv.server.storage.mapdb;

import io.ringkv.server.storage.CloseableIterator;
import io.ringkv.server.storage.EngineKind;
import io.ringkv.server.storage.QueuedWrite;
import io.ringkv.server.storage.ScanRange;
import io.ringkv.server.storage.StorageEngine;
import io.ringkv.server.storage.StorageException;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.StoredEntry;
import io.ringkv.server.storage.SyncPolicy;
import io.ringkv.server.storage.WritePipeline;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MapDB engine: one file, {@value #FILE_NAME}, in the data directory, holding a B-tree from encoded
 * key to value, ordered by unsigned bytes (MapDB's {@code Serializer.BYTE_ARRAY} comparator), so a
 * partition is a key range. Values live outside the tree nodes (measured ~2.5× faster for 1 KB values)
 * and the tree keeps a key counter for {@link #approximateKeyCount()}.
 *
 * <p>MapDB has one global transaction per file: {@code commit()} makes <em>everything</em> written so far
 * durable, and a commit that runs while another thread is halfway through a tree update would persist a
 * half-done update. So all writes and commits happen under one lock in {@link #writeDurably}: on the
 * group-commit writer thread (one {@code commit()} per batch) or, under per-write sync, in the caller's
 * thread. Reads run concurrently with it: MapDB's B-tree is a concurrent structure and its store guards
 * records with segment locks ({@code commit()} briefly excludes readers). Reads may see a write that is
 * applied but not yet committed, which the {@link StorageEngine} visibility contract allows.
 *
 * <p>Do not interrupt threads while they call this engine: see {@link MapDbStores}.
 */
public final class MapDbStorageEngine implements StorageEngine {

    /** The store file inside the data directory. */
    public static final String FILE_NAME = "data.mapdb";

    /** The store kind written into the header. */
    public static final String KIND = "mapdb";

    private static final Logger LOG = LoggerFactory.getLogger(MapDbStorageEngine.class);
    private static final String DATA_MAP = "data";

    private final Path file;
    private final DB db;
    private final BTreeMap<byte[], byte[]> data;
    private final Object writeLock = new Object();
    /** Read lock for every access to {@code db}; write lock to close it, so nobody touches a closed DB. */
    private final ReentrantReadWriteLock dbLifecycle = new ReentrantReadWriteLock();

    private final WritePipeline pipeline;
    private volatile boolean closed;

    private MapDbStorageEngine(Path file, DB db, BTreeMap<byte[], byte[]> data, SyncPolicy syncPolicy) {
        this.file = file;
        this.db = db;
        this.data = data;
        this.pipeline = WritePipeline.open(syncPolicy, "mapdb:" + file, this::writeDurably);
    }

    /**
     * Opens (or creates) the store in {@code dataDirectory}.
     *
     * @throws StorageException when the file is foreign, corrupt, of a newer format, or in use
     */
    public static MapDbStorageEngine open(Path dataDirectory, SyncPolicy syncPolicy) {
        Path file = dataDirectory.resolve(FILE_NAME);
        DB db = MapDbStores.openOrCreate(file, KIND, MapDbStorageEngine::createDataMap);
        BTreeMap<byte[], byte[]> data;
        try {
            data = db.treeMap(DATA_MAP, Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY)
                    .open();
        } catch (RuntimeException e) {
            // Boundary: a header without the data map means the file was damaged or written by something else.
            db.close();
            throw new StorageException(
                    file + " has a RingKV header but no readable data map (" + e
                            + "): the file is corrupt. Restore it from a backup, or move it away and let the node"
                            + " rebuild its data from its replicas.",
                    e);
        }
        LOG.info("Opened MapDB store {} ({} keys, sync policy {})", file, data.sizeLong(), syncPolicy.kind());
        return new MapDbStorageEngine(file, db, data, syncPolicy);
    }

    private static void createDataMap(DB db) {
        db.treeMap(DATA_MAP, Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY)
                .valuesOutsideNodesEnable()
                .counterEnable()
                .create();
    }

    @Override
    public Optional<byte[]> get(StorageKey key) {
        byte[] encoded = key.encode();
        return pipeline.read(encoded, stored -> readStore(() -> data.get(stored), "read " + key));
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
        return readStore(data::sizeLong, "count keys");
    }

    @Override
    public EngineKind kind() {
        return EngineKind.MAPDB;
    }

    @Override
    public void close() {
        pipeline.close();
        dbLifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            synchronized (writeLock) {
                db.close();
            }
        } finally {
            dbLifecycle.writeLock().unlock();
        }
        LOG.info("Closed MapDB store {}", file);
    }

    /** The {@link io.ringkv.server.storage.WriteSink}: applies the batch and commits once. */
    private void writeDurably(List<QueuedWrite> batch) {
        dbLifecycle.readLock().lock();
        try {
            ensureOpen();
            synchronized (writeLock) {
                MapDbStores.withoutPendingInterrupt(() -> {
                    applyAndCommit(batch);
                    return null;
                });
            }
        } finally {
            dbLifecycle.readLock().unlock();
        }
    }

    private void applyAndCommit(List<QueuedWrite> batch) {
        try {
            for (QueuedWrite write : batch) {
                if (write.isRemoval()) {
                    data.remove(write.key());
                } else {
                    data.put(write.key(), write.value());
                }
            }
            db.commit();
        } catch (RuntimeException failure) {
            // Boundary: any MapDB failure fails the batch; roll back so no half-applied batch is committed later.
            throw new StorageException(rollBack(failure), failure);
        }
    }

    private String rollBack(RuntimeException failure) {
        String message = "cannot write a batch to " + file + ": " + describe(failure);
        try {
            db.rollback();
            return message + " (batch rolled back)";
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
            return message + "; the rollback failed too (" + rollbackFailure
                    + "): restart the node so that MapDB recovers the store from its log";
        }
    }

    private <T> T readStore(Supplier<T> read, String action) {
        dbLifecycle.readLock().lock();
        try {
            ensureOpen();
            return MapDbStores.withoutPendingInterrupt(read);
        } catch (RuntimeException failure) {
            if (failure instanceof StorageException storageFailure) {
                throw storageFailure;
            }
            // Boundary: MapDB signals unreadable records with assorted unchecked exceptions.
            throw new StorageException("cannot " + action + " in " + file + ": " + describe(failure), failure);
        } finally {
            dbLifecycle.readLock().unlock();
        }
    }

    private static String describe(RuntimeException failure) {
        if (failure instanceof DBException.VolumeClosedByInterrupt) {
            return "a thread was interrupted during file I/O, which closed the store's file channel; restart the"
                    + " node, and do not interrupt storage threads";
        }
        return failure.toString();
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException("MapDB store " + file + " is closed");
        }
    }

    private CloseableIterator<StoredEntry> scan(ScanRange range) {
        Iterator<Map.Entry<byte[], byte[]>> entries = readStore(
                () -> data.entryIterator(range.startKey(), range.startInclusive(), range.endKeyExclusive(), false),
                "scan a partition");
        return new CloseableIterator<>() {
            private StoredEntry lookahead;

            @Override
            public boolean hasNext() {
                while (lookahead == null && readStore(entries::hasNext, "scan a partition")) {
                    Map.Entry<byte[], byte[]> entry = readStore(entries::next, "scan a partition");
                    // A key removed while the scan passes it may come back without a value: skip it.
                    if (entry.getValue() != null) {
                        lookahead = new StoredEntry(StorageKey.decode(entry.getKey()), entry.getValue());
                    }
                }
                return lookahead != null;
            }

            @Override
            public StoredEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                StoredEntry next = lookahead;
                lookahead = null;
                return next;
            }

            @Override
            public void close() {
                // A MapDB iterator holds no resources beyond the store it reads.
            }
        };
    }
}
