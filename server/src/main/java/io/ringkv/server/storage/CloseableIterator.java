package io.ringkv.server.storage;

import java.util.Iterator;

/**
 * An iterator over engine resources (a RocksDB iterator and its snapshot, a MapDB cursor) that must be
 * closed when the caller is done, also when it stops early. Use it in try-with-resources. Not
 * thread-safe: one thread at a time.
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

    /** Releases the engine resources; idempotent. Throws no checked exception. */
    @Override
    void close();
}
