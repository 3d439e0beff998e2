package io.ringkv.server.storage.rocksdb;

import java.util.List;
import org.rocksdb.AbstractNativeReference;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;

/**
 * An open RocksDB database with its two column families and every native object that must be closed
 * with it, in the order they must be closed (handles before the database, options after it).
 *
 * @param data the default column family: encoded storage keys to values
 * @param meta RingKV's own column family, holding the store header
 * @param closeAfterDatabase options objects to close once the database is closed
 */
record RocksDbHandles(
        RocksDB db,
        ColumnFamilyHandle data,
        ColumnFamilyHandle meta,
        List<ColumnFamilyHandle> allHandles,
        List<? extends AbstractNativeReference> closeAfterDatabase) {

    /** Closes the handles, the database, then the options; never throws. */
    void closeQuietly() {
        allHandles.forEach(ColumnFamilyHandle::close);
        db.close();
        closeAfterDatabase.forEach(AbstractNativeReference::close);
    }
}
