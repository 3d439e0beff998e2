package io.ringkv.server.linearizable;

import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.AbdTag;
import io.ringkv.server.coordinator.ReplicaUnreachableException;
import io.ringkv.server.storage.StorageKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * In-memory replicas of one register each, with a scripted behaviour per node and phase: answer at once,
 * hold it until the test releases it, fail it, or never answer (a dropped message). A held query reports
 * the state at its arrival; a held write is applied when released, with the replica rule "store only a
 * newer tag".
 */
final class FakeRegisterReplicas implements RegisterReplicas {

    enum Behaviour {
        ANSWER,
        HOLD,
        FAIL,
        NEVER
    }

    private final Map<String, Register> state = new HashMap<>();
    private final Map<String, Behaviour> queryBehaviour = new HashMap<>();
    private final Map<String, Behaviour> writeBehaviour = new HashMap<>();
    private final Map<String, List<Runnable>> held = new HashMap<>();
    private final Map<String, List<AbdTag>> storedTags = new HashMap<>();
    private final List<String> queriesSent = new ArrayList<>();
    private final List<String> writesSent = new ArrayList<>();

    FakeRegisterReplicas(List<String> nodes) {
        nodes.forEach(node -> state.put(node, Register.ABSENT));
    }

    synchronized FakeRegisterReplicas holding(String node, Register register) {
        state.put(node, register);
        return this;
    }

    synchronized FakeRegisterReplicas onQuery(String node, Behaviour behaviour) {
        queryBehaviour.put(node, behaviour);
        return this;
    }

    synchronized FakeRegisterReplicas onWrite(String node, Behaviour behaviour) {
        writeBehaviour.put(node, behaviour);
        return this;
    }

    @Override
    public CompletionStage<Register> query(String nodeId, StorageKey key, long timeoutMillis) {
        CompletableFuture<Register> reply = new CompletableFuture<>();
        Behaviour behaviour;
        synchronized (this) {
            queriesSent.add(nodeId);
            behaviour = queryBehaviour.getOrDefault(nodeId, Behaviour.ANSWER);
        }
        // The replica reads on arrival; holding delays only its reply.
        Register stored = registerOf(nodeId);
        act(nodeId, behaviour, reply, () -> reply.complete(stored));
        return reply;
    }

    @Override
    public CompletionStage<Void> write(String nodeId, StorageKey key, Register register, long timeoutMillis) {
        CompletableFuture<Void> reply = new CompletableFuture<>();
        Behaviour behaviour;
        synchronized (this) {
            writesSent.add(nodeId);
            behaviour = writeBehaviour.getOrDefault(nodeId, Behaviour.ANSWER);
        }
        act(nodeId, behaviour, reply, () -> {
            apply(nodeId, register);
            reply.complete(null);
        });
        return reply;
    }

    /** Answers every request held for {@code node}, in arrival order. */
    void release(String node) {
        heldFor(node).forEach(Runnable::run);
    }

    /** Answers every request held for {@code node}, the latest first (messages overtaking each other). */
    void releaseNewestFirst(String node) {
        List<Runnable> due = new ArrayList<>(heldFor(node));
        Collections.reverse(due);
        due.forEach(Runnable::run);
    }

    private synchronized List<Runnable> heldFor(String node) {
        List<Runnable> due = held.remove(node);
        return due == null ? List.of() : due;
    }

    synchronized Register registerOf(String node) {
        return state.get(node);
    }

    /** Every tag {@code node} stored, in order. */
    synchronized List<AbdTag> storedTags(String node) {
        return List.copyOf(storedTags.getOrDefault(node, List.of()));
    }

    synchronized List<String> queriesSent() {
        return List.copyOf(queriesSent);
    }

    synchronized List<String> writesSent() {
        return List.copyOf(writesSent);
    }

    private synchronized void apply(String node, Register incoming) {
        if (incoming.newerThan(state.get(node))) {
            state.put(node, incoming);
            storedTags.computeIfAbsent(node, ignored -> new ArrayList<>()).add(incoming.tag());
        }
    }

    private void act(String node, Behaviour behaviour, CompletableFuture<?> reply, Runnable answer) {
        switch (behaviour) {
            case ANSWER -> answer.run();
            case HOLD -> {
                synchronized (this) {
                    held.computeIfAbsent(node, ignored -> new ArrayList<>()).add(answer);
                }
            }
            case FAIL ->
                reply.completeExceptionally(
                        new ReplicaUnreachableException(node, ErrorCode.TIMEOUT, node + " did not answer"));
            case NEVER -> {
                // A dropped request: only the coordinator's deadline ends the wait.
            }
        }
    }
}
