package io.ringkv.server.storage.rocksdb;

import io.ringkv.server.storage.CloseableIterator;
import io.ringkv.server.storage.ScanRange;
import io.ringkv.server.storage.StorageException;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.StoredEntry;
import java.util.Arrays;
import java.util.NoSuchElementException;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A partition scan over a RocksDB iterator bounded by the partition's end key. The iterator reads an
 * implicit snapshot taken when the scan starts and pins the files it reads until closed, so long
 * streams should be cut into resumable chunks ({@code scanPartitionFrom}) rather than held open for
 * minutes. Closing the engine releases any scan still open; its next call then fails.
 */
final class RocksDbScan implements CloseableIterator<StoredEntry> {

    private final RocksDbStorageEngine engine;
    private final Slice upperBound;
    private final ReadOptions readOptions;
    private final RocksIterator iterator;
    private boolean released;

    RocksDbScan(RocksDbStorageEngine engine, RocksDbHandles handles, ScanRange range) {
        this.engine = engine;
        this.upperBound = new Slice(range.endKeyExclusive());
        this.readOptions = new ReadOptions().setIterateUpperBound(upperBound);
        this.iterator = handles.db().newIterator(handles.data(), readOptions);
        iterator.seek(range.startKey());
        if (!range.startInclusive() && iterator.isValid() && Arrays.equals(iterator.key(), range.startKey())) {
            iterator.next();
        }
    }

    @Override
    public boolean hasNext() {
        return engine.whileOpen(() -> {
            ensureNotReleased();
            if (iterator.isValid()) {
                return true;
            }
            checkStatus();
            return false;
        });
    }

    @Override
    public StoredEntry next() {
        return engine.whileOpen(() -> {
            ensureNotReleased();
            if (!iterator.isValid()) {
                checkStatus();
                throw new NoSuchElementException();
            }
            StoredEntry entry = new StoredEntry(StorageKey.decode(iterator.key()), iterator.value());
            iterator.next();
            return entry;
        });
    }

    @Override
    public synchronized void close() {
        if (!released) {
            engine.forgetScan(this);
            release();
        }
    }

    /** Frees the native objects; called by {@link #close()} or by the engine while it closes. */
    synchronized void release() {
        if (!released) {
            released = true;
            iterator.close();
            readOptions.close();
            upperBound.close();
        }
    }

    private synchronized void ensureNotReleased() {
        if (released) {
            throw new StorageException("this scan of " + engine.directory() + " was closed (or its engine was)");
        }
    }

    private void checkStatus() {
        try {
            iterator.status();
        } catch (RocksDBException e) {
            throw RocksDbStores.translate(engine.directory(), "scan", e);
        }
    }
}
