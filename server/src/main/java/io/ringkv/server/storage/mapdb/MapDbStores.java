package io.ringkv.server.storage.mapdb;

import io.ringkv.server.storage.StorageException;
import io.ringkv.server.storage.StorageFiles;
import io.ringkv.server.storage.StoreHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * Opens RingKV's MapDB files (the data store and the node metadata) the one safe way: transactions
 * (MapDB's write-ahead log) always on, a {@link StoreHeader} checked on every open, new files created
 * crash-safely, and MapDB's own exceptions turned into {@link StorageException}s that say what to do.
 *
 * <p>Why transactions: without them MapDB updates its file in place and a crash in the middle of a
 * write leaves a store it cannot open. With them every {@link DB#commit()} first fsyncs the log, then
 * applies it to the file and fsyncs that too.
 *
 * <p>Files are accessed through a {@code FileChannel} (measured 4–8× faster reads than MapDB's default
 * {@code RandomAccessFile} access, and much cheaper commits than memory mapping, whose sync cost grows
 * with the file). Pitfall: a {@code FileChannel} closes itself when a thread is interrupted during I/O,
 * after which the store fails until reopened, so callers must not interrupt threads that use a store
 * (see {@link #withoutPendingInterrupt}).
 */
public final class MapDbStores {

    /** The name of the MapDB record that holds the {@link StoreHeader}. */
    static final String HEADER_RECORD = "ringkv_header";

    private static final String CREATING_SUFFIX = ".creating";
    private static final String WAL_SUFFIX = ".wal.";

    private MapDbStores() {}

    /**
     * Opens the MapDB store {@code file} of {@code kind}, creating it first when it does not exist.
     *
     * @param createContents creates the store's collections in a new store (then committed with the header)
     * @throws StorageException when the file is foreign, of another kind, corrupt, locked by another
     *     process, or cannot be read; the message names the file and what to do
     */
    public static DB openOrCreate(Path file, String kind, Consumer<DB> createContents) {
        Path directory = file.toAbsolutePath().getParent();
        StorageFiles.ensureDirectory(directory);
        if (!Files.exists(file)) {
            List<Path> orphanLogs = StorageFiles.listStartingWith(directory, file.getFileName() + WAL_SUFFIX);
            if (!orphanLogs.isEmpty()) {
                throw new StorageException("found MapDB write-ahead log files " + orphanLogs + " but not their store "
                        + file + ": the store was moved or deleted. Restore it, or remove the log files to start"
                        + " this node with an empty store.");
            }
            create(file, kind, createContents);
        }
        DB db = open(file);
        try {
            byte[] header = db.exists(HEADER_RECORD)
                    ? db.atomicVar(HEADER_RECORD, Serializer.BYTE_ARRAY).open().get()
                    : null;
            StoreHeader.verify(header, kind, file.toString());
            return db;
        } catch (StorageException refused) {
            db.close();
            throw refused;
        } catch (RuntimeException unreadable) {
            // Boundary: MapDB reports unreadable contents with assorted Kotlin and JDK exceptions.
            db.close();
            throw new StorageException(
                    file + " cannot be read as a RingKV " + kind + " store ("
                            + unreadable + "): the file is corrupt or foreign. Restore it from a backup, or move it"
                            + " away and let the node rebuild its data from its replicas.",
                    unreadable);
        }
    }

    /**
     * Runs {@code action} with the calling thread's interrupt flag cleared, then restores the flag: an
     * interrupt that is already pending would otherwise close MapDB's file channel at the first I/O.
     */
    public static <T> T withoutPendingInterrupt(Supplier<T> action) {
        boolean interrupted = Thread.interrupted();
        try {
            return action.get();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Builds a new store under a temporary name, commits its header and contents, closes it and renames it
     * into place; a crash before the rename leaves only the temporary file, which the next attempt deletes.
     */
    private static void create(Path file, String kind, Consumer<DB> createContents) {
        Path directory = file.toAbsolutePath().getParent();
        Path creating = file.resolveSibling(file.getFileName() + CREATING_SUFFIX);
        for (Path leftover :
                StorageFiles.listStartingWith(directory, creating.getFileName().toString())) {
            StorageFiles.deleteRecursively(leftover);
        }
        DB db = open(creating);
        try {
            db.atomicVar(HEADER_RECORD, Serializer.BYTE_ARRAY)
                    .create()
                    .set(StoreHeader.current(kind).encode());
            createContents.accept(db);
            db.commit();
        } catch (DBException e) {
            throw new StorageException("cannot create MapDB store " + creating + ": " + e.getMessage(), e);
        } finally {
            db.close();
        }
        StorageFiles.moveIntoPlace(creating, file);
    }

    private static DB open(Path file) {
        try {
            return DBMaker.fileDB(file.toFile())
                    .transactionEnable()
                    .fileChannelEnable()
                    .make();
        } catch (DBException.FileLocked e) {
            throw new StorageException(
                    file + " is in use by another process (or already open in this one). Stop"
                            + " the other node using this data directory, or give each node its own.",
                    e);
        } catch (DBException.WrongFormat e) {
            throw new StorageException(
                    file + " is not a MapDB file (MapDB: " + firstSentence(e) + "): it belongs to another"
                            + " program or is corrupt. Move it away or point the node at the right data directory;"
                            + " RingKV will not overwrite it.",
                    e);
        } catch (DBException.DataCorruption | DBException.VolumeIOError e) {
            throw new StorageException(
                    file + " is corrupt or truncated (MapDB: " + firstSentence(e) + "). Restore it from a"
                            + " backup, or move it away and let the node rebuild its data from its replicas.",
                    e);
        } catch (RuntimeException e) {
            // Boundary: MapDB is written in Kotlin and may fail an open with any unchecked exception.
            throw new StorageException(
                    file + " cannot be opened by MapDB (" + e + "). If the file is not a RingKV"
                            + " store, move it away; if it is, restore it from a backup.",
                    e);
        }
    }

    /** MapDB's messages go on to advise MapDB users (e.g. bypassing checksums); keep only the diagnosis. */
    private static String firstSentence(DBException e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf(". ");
        return end < 0 ? message : message.substring(0, end);
    }
}
