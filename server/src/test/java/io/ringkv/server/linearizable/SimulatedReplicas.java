package io.ringkv.server.linearizable;

import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.AbdTag;
import io.ringkv.server.coordinator.ReplicaUnreachableException;
import io.ringkv.server.storage.StorageKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Replicas behind a lossy network on a {@link VirtualTimeLoop}: each request and each reply takes a random
 * delay and may be dropped, and a replica may refuse (an error reply). A replica applies a request when it
 * arrives, with the store's rule (only a newer tag is stored), and records every tag it stored.
 */
final class SimulatedReplicas implements RegisterReplicas {

    private final VirtualTimeLoop loop;
    private final SplittableRandom random;
    private final double dropProbability;
    private final int maxDelayMillis;
    private final Map<String, Register> state = new HashMap<>();
    private final Map<String, List<AbdTag>> storedTags = new HashMap<>();
    private int dropped;

    SimulatedReplicas(
            List<String> nodes,
            VirtualTimeLoop loop,
            SplittableRandom random,
            double dropProbability,
            int maxDelayMillis) {
        this.loop = loop;
        this.random = random;
        this.dropProbability = dropProbability;
        this.maxDelayMillis = maxDelayMillis;
        nodes.forEach(node -> state.put(node, Register.ABSENT));
    }

    @Override
    public CompletionStage<Register> query(String nodeId, StorageKey key, long timeoutMillis) {
        CompletableFuture<Register> reply = new CompletableFuture<>();
        deliver(nodeId, reply, () -> state.get(nodeId));
        return reply;
    }

    @Override
    public CompletionStage<Void> write(String nodeId, StorageKey key, Register register, long timeoutMillis) {
        CompletableFuture<Void> reply = new CompletableFuture<>();
        deliver(nodeId, reply, () -> {
            store(nodeId, register);
            return null;
        });
        return reply;
    }

    /**
     * The partition copy of a membership change, done at once: {@code gaining} merges the registers that
     * {@code sources} hold, by the store's rule.
     */
    void copy(List<String> sources, String gaining) {
        sources.forEach(source -> store(gaining, state.get(source)));
    }

    List<AbdTag> storedTags(String node) {
        return storedTags.getOrDefault(node, List.of());
    }

    int dropped() {
        return dropped;
    }

    private void store(String nodeId, Register register) {
        if (register.newerThan(state.get(nodeId))) {
            state.put(nodeId, register);
            storedTags.computeIfAbsent(nodeId, ignored -> new ArrayList<>()).add(register.tag());
        }
    }

    /** Request travels, is applied on arrival, and the reply travels back; either leg may be lost. */
    private <T> void deliver(String nodeId, CompletableFuture<T> reply, java.util.function.Supplier<T> apply) {
        if (drop()) {
            return;
        }
        loop.after(delay(), () -> {
            if (random.nextInt(50) == 0) {
                reply.completeExceptionally(
                        new ReplicaUnreachableException(nodeId, ErrorCode.OVERLOADED, nodeId + " is overloaded"));
                return;
            }
            T result = apply.get();
            if (drop()) {
                return;
            }
            loop.after(delay(), () -> reply.complete(result));
        });
    }

    private boolean drop() {
        if (random.nextDouble() < dropProbability) {
            dropped++;
            return true;
        }
        return false;
    }

    private long delay() {
        return 1 + random.nextInt(maxDelayMillis);
    }
}
