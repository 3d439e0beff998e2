package io.ringkv.server.antientropy;

import io.ringkv.causal.ActorId;
import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSets;
import io.ringkv.ring.Murmur3;
import io.ringkv.ring.Partitioner;
import io.ringkv.server.storage.ReplicaStore;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.memory.InMemoryStorageEngine;
import java.nio.charset.StandardCharsets;

/** One in-process replica for anti-entropy tests: an in-memory engine, its forest, store and handler. */
final class TestReplica {

    final String nodeId;
    final Partitioner partitioner;
    final InMemoryStorageEngine engine = new InMemoryStorageEngine();
    final MerkleForest forest;
    final ReplicaStore store;
    final AntiEntropyCounters counters = new AntiEntropyCounters();
    final MerkleRequestHandler handler;
    private final ActorId actor;

    TestReplica(String nodeId, MerkleTreeShape shape) {
        this.nodeId = nodeId;
        this.partitioner = new Partitioner(shape.partitionCount());
        this.forest = new MerkleForest(shape, engine);
        this.store = new ReplicaStore(engine, forest);
        this.handler = new MerkleRequestHandler(forest, engine, counters);
        this.actor = new ActorId(nodeId, 1);
    }

    StorageKey key(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long token = Murmur3.firstWord(bytes);
        return new StorageKey(partitioner.partitionOf(token), token, bytes);
    }

    /** A coordinator-style write of {@code value} over whatever this replica holds (blind context). */
    SiblingSet write(StorageKey key, String value, long wallClockMillis) {
        return store.update(
                        key,
                        stored -> SiblingSets.write(
                                stored,
                                stored.context(),
                                actor,
                                value.getBytes(StandardCharsets.UTF_8),
                                false,
                                wallClockMillis))
                .join();
    }

    /** A delete (tombstone) that supersedes everything this replica holds. */
    SiblingSet delete(StorageKey key, long wallClockMillis) {
        return store.update(
                        key,
                        stored ->
                                SiblingSets.write(stored, stored.context(), actor, new byte[0], true, wallClockMillis))
                .join();
    }

    /** Merges a set as a replica write would. */
    SiblingSet merge(StorageKey key, SiblingSet set) {
        return store.apply(key, set).join();
    }
}
