package io.ringkv.server.linearizable;

import io.ringkv.protocol.message.AbdQueryRequest;
import io.ringkv.protocol.message.AbdWriteReply;
import io.ringkv.protocol.message.AbdWriteRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.server.storage.StorageKey;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The replica side of the ABD algorithm: answers {@code AbdQueryRequest} and {@code AbdWriteRequest} from
 * this node's {@link RegisterStore}. Called on an event loop; every store call hops to the storage
 * executor. When that executor's queue is full the call throws {@link
 * java.util.concurrent.RejectedExecutionException} synchronously, which the request handler answers with
 * {@code OVERLOADED}.
 */
public final class RegisterReplicaHandler {

    private final RegisterStore store;
    private final Executor storageExecutor;

    public RegisterReplicaHandler(RegisterStore store, Executor storageExecutor) {
        this.store = Objects.requireNonNull(store, "store");
        this.storageExecutor = Objects.requireNonNull(storageExecutor, "storageExecutor");
    }

    /** Answers a phase-1 query with the durable register state. */
    public CompletionStage<Message> query(AbdQueryRequest request) {
        return read(RegisterMessages.keyOf(request)).thenApply(RegisterMessages::queryReply);
    }

    /** Answers a phase-2 write once the replica durably holds its tag or a newer one. */
    public CompletionStage<Message> write(AbdWriteRequest request) {
        return write(RegisterMessages.keyOf(request), RegisterMessages.registerOf(request))
                .thenApply(stored -> AbdWriteReply.INSTANCE);
    }

    CompletionStage<Register> read(StorageKey key) {
        return CompletableFuture.supplyAsync(() -> store.read(key), storageExecutor)
                .thenCompose(Function.identity());
    }

    CompletionStage<Register> write(StorageKey key, Register register) {
        return CompletableFuture.supplyAsync(() -> store.writeIfNewer(key, register), storageExecutor)
                .thenCompose(Function.identity());
    }
}
