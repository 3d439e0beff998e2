package io.ringkv.server.storage.rocksdb;

import io.ringkv.server.storage.StorageException;
import io.ringkv.server.storage.StorageFiles;
import io.ringkv.server.storage.StoreHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;
import org.rocksdb.WriteOptions;

/**
 * Opens RingKV's RocksDB directory safely: the native library loaded once, the write-ahead log on, a
 * {@link StoreHeader} (in RingKV's own column family, so it can never collide with a data key) checked
 * on every open, a new database created under a temporary name and renamed into place, and
 * {@link RocksDBException}s turned into {@link StorageException}s that say what to do.
 *
 * <p>Keys use RocksDB's default bytewise comparator, which is {@code memcmp}: unsigned byte order,
 * as {@link io.ringkv.server.storage.StorageKey#encode()} requires.
 */
final class RocksDbStores {

    static final String META_COLUMN_FAMILY = "ringkv_meta";
    static final byte[] HEADER_KEY = "header".getBytes(StandardCharsets.UTF_8);
    private static final String CREATING_SUFFIX = ".creating";

    static {
        RocksDB.loadLibrary();
    }

    private RocksDbStores() {}

    /**
     * Opens the RocksDB database in {@code directory} (creating it when absent) and checks its header.
     *
     * @throws StorageException when the directory is foreign, corrupt, of another kind, or in use
     */
    static RocksDbHandles openOrCreate(Path directory, String kind) {
        StorageFiles.ensureDirectory(directory.toAbsolutePath().getParent());
        if (!Files.exists(directory)) {
            create(directory, kind);
        }
        if (!Files.isDirectory(directory)) {
            throw new StorageException(directory + " is a file, but RingKV keeps its RocksDB store in a directory of"
                    + " that name. Move the file away or point the node at the right data directory.");
        }
        if (!Files.exists(directory.resolve("CURRENT"))) {
            throw new StorageException(directory + " exists but holds no RocksDB database (no CURRENT file): it"
                    + " belongs to another program or was damaged. Move it away or point the node at the right data"
                    + " directory; RingKV will not overwrite it.");
        }
        List<byte[]> families = listColumnFamilies(directory);
        boolean hasMeta = families.stream()
                .anyMatch(name -> Arrays.equals(name, META_COLUMN_FAMILY.getBytes(StandardCharsets.UTF_8)));
        if (!hasMeta) {
            // A damaged MANIFEST can make the listing come back short: tell corruption from a foreign database.
            ensureReadable(directory);
            StoreHeader.verify(null, kind, directory.toString());
        }
        RocksDbHandles handles = open(directory, families, false);
        try {
            byte[] header = handles.db().get(handles.meta(), HEADER_KEY);
            StoreHeader.verify(header, kind, directory.toString());
            return handles;
        } catch (RocksDBException e) {
            handles.closeQuietly();
            throw translate(directory, "read the header of", e);
        } catch (StorageException refused) {
            handles.closeQuietly();
            throw refused;
        }
    }

    /** Turns a RocksDB failure into a {@link StorageException} naming the directory and what to do. */
    static StorageException translate(Path directory, String action, RocksDBException e) {
        Status status = e.getStatus();
        Status.Code code = status == null ? Status.Code.Undefined : status.getCode();
        String detail = e.getMessage();
        if (code == Status.Code.IOError
                && detail != null
                && detail.toLowerCase(Locale.ROOT).contains("lock")) {
            return new StorageException(
                    "cannot " + action + " " + directory + ": it is in use by another process"
                            + " (or already open in this one). Stop the other node using this data directory, or give each"
                            + " node its own. (" + detail + ")",
                    e);
        }
        if (code == Status.Code.Corruption) {
            return new StorageException(
                    "cannot " + action + " " + directory + ": RocksDB reports corruption ("
                            + detail
                            + "). Restore the directory from a backup, or move it away and let the node rebuild"
                            + " its data from its replicas.",
                    e);
        }
        return new StorageException("cannot " + action + " " + directory + ": " + detail, e);
    }

    private static void create(Path directory, String kind) {
        Path creating = directory.resolveSibling(directory.getFileName() + CREATING_SUFFIX);
        StorageFiles.deleteRecursively(creating);
        List<byte[]> families =
                List.of(RocksDB.DEFAULT_COLUMN_FAMILY, META_COLUMN_FAMILY.getBytes(StandardCharsets.UTF_8));
        RocksDbHandles handles = open(creating, families, true);
        try (WriteOptions sync = new WriteOptions().setSync(true)) {
            handles.db()
                    .put(
                            handles.meta(),
                            sync,
                            HEADER_KEY,
                            StoreHeader.current(kind).encode());
        } catch (RocksDBException e) {
            throw translate(creating, "create", e);
        } finally {
            handles.closeQuietly();
        }
        StorageFiles.moveIntoPlace(creating, directory);
    }

    private static void ensureReadable(Path directory) {
        try (Options options = new Options();
                RocksDB readOnly = RocksDB.openReadOnly(options, directory.toString())) {
            readOnly.getLatestSequenceNumber();
        } catch (RocksDBException e) {
            throw translate(directory, "open", e);
        }
    }

    private static List<byte[]> listColumnFamilies(Path directory) {
        try (Options options = new Options()) {
            return RocksDB.listColumnFamilies(options, directory.toString());
        } catch (RocksDBException e) {
            throw translate(directory, "open", e);
        }
    }

    private static RocksDbHandles open(Path directory, List<byte[]> familyNames, boolean create) {
        DBOptions dbOptions = new DBOptions()
                .setCreateIfMissing(create)
                .setCreateMissingColumnFamilies(create)
                .setParanoidChecks(true)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setKeepLogFileNum(5)
                .setMaxBackgroundJobs(2);
        ColumnFamilyOptions familyOptions = new ColumnFamilyOptions();
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (byte[] name : familyNames) {
            descriptors.add(new ColumnFamilyDescriptor(name, familyOptions));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        RocksDB db;
        try {
            db = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
        } catch (RocksDBException e) {
            familyOptions.close();
            dbOptions.close();
            throw translate(directory, create ? "create" : "open", e);
        }
        ColumnFamilyHandle data = null;
        ColumnFamilyHandle meta = null;
        for (int i = 0; i < familyNames.size(); i++) {
            if (Arrays.equals(familyNames.get(i), RocksDB.DEFAULT_COLUMN_FAMILY)) {
                data = handles.get(i);
            } else if (Arrays.equals(familyNames.get(i), META_COLUMN_FAMILY.getBytes(StandardCharsets.UTF_8))) {
                meta = handles.get(i);
            }
        }
        return new RocksDbHandles(db, data, meta, List.copyOf(handles), List.of(familyOptions, dbOptions));
    }
}
