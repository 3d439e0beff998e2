/**
 * A node's local storage: the {@link io.ringkv.server.storage.StorageEngine} contract (an ordered,
 * durable byte store where a ring partition is one contiguous key range), its configuration and sync
 * policies, the shared group-commit write pipeline and crash-safe file steps, and
 * {@link io.ringkv.server.storage.ReplicaStore}, which turns the byte store into a store of sibling
 * sets with per-key read-merge-write. Engines live in the {@code mapdb}, {@code rocksdb} and
 * {@code memory} subpackages; {@code docs/storage.md} explains how to choose one and what each sync
 * policy may lose.
 */
package io.ringkv.server.storage;
