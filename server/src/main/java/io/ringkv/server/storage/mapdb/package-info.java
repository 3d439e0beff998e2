/**
 * The MapDB engine (a B-tree file with MapDB's write-ahead log, group-committed) and the helper that
 * opens RingKV's MapDB files safely, which the node metadata store reuses.
 */
package io.ringkv.server.storage.mapdb;
