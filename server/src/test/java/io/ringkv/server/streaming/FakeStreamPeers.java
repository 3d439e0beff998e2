package io.ringkv.server.streaming;

import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.StreamChunk;
import io.ringkv.protocol.message.StreamRequest;
import io.ringkv.server.coordinator.ReplicaUnreachableException;
import io.ringkv.server.linearizable.RegisterStore;
import io.ringkv.server.storage.ReplicaStore;
import io.ringkv.server.storage.memory.InMemoryStorageEngine;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory nodes reached directly (no network): each a {@link ReplicaStore} behind a {@link StreamEndpoint}. */
final class FakeStreamPeers implements StreamPeers {

    private final Map<String, ReplicaStore> stores = new HashMap<>();
    private final Map<String, RegisterStore> registers = new HashMap<>();
    private final Map<String, StreamEndpoint> endpoints = new HashMap<>();
    private final Map<String, StreamingCounters> counters = new HashMap<>();
    private final Set<String> failing = new HashSet<>();
    final List<StreamRequest> fetches = new CopyOnWriteArrayList<>();
    final List<String> fetchSources = new CopyOnWriteArrayList<>();
    /** The chunk most recently fetched, or {@code null}. */
    volatile StreamChunk lastChunk;

    private volatile boolean halted;

    FakeStreamPeers(List<String> nodeIds) {
        for (String nodeId : nodeIds) {
            ReplicaStore store = new ReplicaStore(new InMemoryStorageEngine());
            RegisterStore registerStore = new RegisterStore(new InMemoryStorageEngine());
            stores.put(nodeId, store);
            registers.put(nodeId, registerStore);
            counters.put(nodeId, new StreamingCounters());
            endpoints.put(nodeId, new StreamEndpoint(store, registerStore, Runnable::run, counters.get(nodeId)));
        }
    }

    ReplicaStore store(String nodeId) {
        return stores.get(nodeId);
    }

    RegisterStore registers(String nodeId) {
        return registers.get(nodeId);
    }

    StreamingCounters counters(String nodeId) {
        return counters.get(nodeId);
    }

    /** Makes every request to {@code nodeId} fail as if it were unreachable. */
    void fail(String nodeId) {
        failing.add(nodeId);
    }

    /**
     * Makes the peers act as if this node had crashed: from now on every request fails and none is recorded, so
     * a copier still winding down cannot fetch anything a test would count as delivered before the crash.
     */
    void halt() {
        halted = true;
    }

    /** Ends {@link #halt()}: the node has restarted. */
    void resume() {
        halted = false;
    }

    @Override
    public CompletionStage<StreamChunk> fetch(String source, StreamRequest request, long timeoutMillis) {
        if (halted) {
            return unreachable(source);
        }
        fetches.add(request);
        fetchSources.add(source);
        if (failing.contains(source)) {
            return unreachable(source);
        }
        lastChunk = endpoints.get(source).read(request);
        return CompletableFuture.completedFuture(lastChunk);
    }

    @Override
    public CompletionStage<Void> deliver(String gainer, StreamChunk chunk, long timeoutMillis) {
        if (halted || failing.contains(gainer)) {
            return unreachable(gainer);
        }
        return endpoints.get(gainer).apply(chunk);
    }

    private static <T> CompletionStage<T> unreachable(String nodeId) {
        return CompletableFuture.failedFuture(
                new ReplicaUnreachableException(nodeId, ErrorCode.UNAVAILABLE, nodeId + " is unreachable"));
    }
}
