package io.ringkv.server.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link StorageEngines#open(StorageConfig)} opens: which engine, where, and how writes are synced.
 * Validated once, here, with a message per bad value.
 *
 * @param engine which engine
 * @param dataDirectory the node's data directory; the engine keeps its files inside it (see
 *     {@code docs/storage.md} for the file names). Required for MAPDB and ROCKSDB; ignored, and may be
 *     {@code null}, for MEMORY.
 * @param syncPolicy when writes become durable; {@link SyncPolicy#groupCommit()} by default
 */
public record StorageConfig(EngineKind engine, Path dataDirectory, SyncPolicy syncPolicy) {

    public StorageConfig {
        Objects.requireNonNull(engine, "storage engine must be set (mapdb, rocksdb or memory)");
        Objects.requireNonNull(syncPolicy, "storage sync policy must be set");
        if (engine != EngineKind.MEMORY && dataDirectory == null) {
            throw new IllegalArgumentException("storage engine " + engine.configName() + " needs a data directory");
        }
    }

    /** {@code engine} in {@code dataDirectory} with the default sync policy (group commit). */
    public static StorageConfig of(EngineKind engine, Path dataDirectory) {
        return new StorageConfig(engine, dataDirectory, SyncPolicy.groupCommit());
    }

    /** The node default: MapDB with group commit. */
    public static StorageConfig defaults(Path dataDirectory) {
        return of(EngineKind.MAPDB, dataDirectory);
    }

    /** An in-memory engine, for tests and simulations. */
    public static StorageConfig inMemory() {
        return new StorageConfig(EngineKind.MEMORY, null, SyncPolicy.groupCommit());
    }

    public StorageConfig withSyncPolicy(SyncPolicy policy) {
        return new StorageConfig(engine, dataDirectory, policy);
    }
}
