package io.ringkv.server.storage;

/**
 * The local store failed, or refused to start, in a way the caller cannot fix by retrying the same call:
 * a file that is corrupt, foreign or locked, an I/O error, or an engine that is already closed.
 *
 * <p>Messages name the file or key involved and, where an operator has to act, what to do. Engine
 * exceptions (MapDB's Kotlin exceptions, {@code RocksDBException}) never escape the storage packages;
 * they arrive wrapped as the cause of this exception.
 */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
