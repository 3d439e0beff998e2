package io.ringkv.server.storage;

import io.ringkv.server.storage.mapdb.MapDbStorageEngine;
import io.ringkv.server.storage.memory.InMemoryStorageEngine;
import io.ringkv.server.storage.rocksdb.RocksDbStorageEngine;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the {@link StorageEngine} a {@link StorageConfig} names, after the start-up checks. */
public final class StorageEngines {

    private StorageEngines() {}

    /**
     * Opens (creating on first use) the configured engine in the configured data directory.
     *
     * <p>Refuses, with a {@link StorageException}, a data directory that already holds the <em>other</em>
     * file engine's store: switching {@code storage.engine} on a node with data would otherwise start it
     * with an empty store and silently hide its data. Each engine then checks its own files (header,
     * format version, corruption, locks); see {@code docs/storage.md}.
     */
    public static StorageEngine open(StorageConfig config) {
        return switch (config.engine()) {
            case MEMORY -> new InMemoryStorageEngine();
            case MAPDB -> {
                refuseOtherEngine(config.dataDirectory(), RocksDbStorageEngine.DIRECTORY_NAME, EngineKind.ROCKSDB);
                yield MapDbStorageEngine.open(config.dataDirectory(), config.syncPolicy());
            }
            case ROCKSDB -> {
                refuseOtherEngine(config.dataDirectory(), MapDbStorageEngine.FILE_NAME, EngineKind.MAPDB);
                yield RocksDbStorageEngine.open(config.dataDirectory(), config.syncPolicy());
            }
        };
    }

    private static void refuseOtherEngine(Path dataDirectory, String otherStoreName, EngineKind other) {
        Path otherStore = dataDirectory.resolve(otherStoreName);
        if (Files.exists(otherStore)) {
            throw new StorageException("data directory " + dataDirectory + " holds a " + other.configName()
                    + " store (" + otherStore + ") but storage.engine is not " + other.configName() + ". Set"
                    + " storage.engine back to " + other.configName() + ", or move " + otherStore + " away to start"
                    + " this node empty and let it rebuild from its replicas.");
        }
    }
}
