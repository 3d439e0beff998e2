/**
 * The RocksDB engine: an LSM tree with its write-ahead log on, written in synced write batches, for
 * write-heavy nodes; plus the code that opens and checks its directory.
 */
package io.ringkv.server.storage.rocksdb;
