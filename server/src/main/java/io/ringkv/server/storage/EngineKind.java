package io.ringkv.server.storage;

import java.util.Locale;

/** The storage engines a node can run; see {@code docs/storage.md} for how to choose. */
public enum EngineKind {
    /** MapDB B-tree file with its write-ahead log; few moving parts, the default for development. */
    MAPDB,
    /** RocksDB LSM tree with its write-ahead log; for write-heavy nodes. */
    ROCKSDB,
    /** A sorted map on the heap, lost on exit; for tests and simulations only. */
    MEMORY;

    /** The name used in configuration files: {@code mapdb}, {@code rocksdb}, {@code memory}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The engine named {@code name} in configuration spelling (case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
     */
    public static EngineKind fromConfigName(String name) {
        for (EngineKind kind : values()) {
            if (kind.configName().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("storage engine must be mapdb, rocksdb or memory, was '" + name + "'");
    }
}
