package io.ringkv.server.node;

import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.DeleteReply;
import io.ringkv.protocol.message.DeleteRequest;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.PutReply;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.protocol.message.TraceContext;
import io.ringkv.server.coordinator.ReadOptions;
import io.ringkv.server.coordinator.ReadResult;
import io.ringkv.server.coordinator.RequestFailedException;
import io.ringkv.server.coordinator.RequestForwarder;
import io.ringkv.server.coordinator.WriteOptions;
import io.ringkv.server.coordinator.WriteResult;
import io.ringkv.server.membership.PeerAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Passes a client request to a node in the key's preference list as a client request marked forwarded,
 * so that node coordinates it and never forwards it again.
 */
final class NodeRequestForwarder implements RequestForwarder {

    /** Extra time the forwarder waits beyond the request's own budget, for the coordinator's reply to travel. */
    private static final long REPLY_SLACK_MILLIS = 250;

    private final PeerMessenger peers;
    private final Function<String, Optional<PeerAddress>> addressOf;
    private final long defaultTimeoutMillis;

    NodeRequestForwarder(
            PeerMessenger peers, Function<String, Optional<PeerAddress>> addressOf, long defaultTimeoutMillis) {
        this.peers = peers;
        this.addressOf = addressOf;
        this.defaultTimeoutMillis = defaultTimeoutMillis;
    }

    @Override
    public CompletionStage<ReadResult> get(String nodeId, byte[] key, ReadOptions options) {
        GetRequest request =
                new GetRequest(key, options.readQuorum(), options.consistency(), options.timeoutMillis(), true);
        return send(nodeId, request, options.timeoutMillis(), GetReply.class).thenApply(ClientReplies::readResult);
    }

    @Override
    public CompletionStage<WriteResult> put(
            String nodeId, byte[] key, byte[] value, byte[] context, WriteOptions options) {
        PutRequest request = new PutRequest(
                key, value, context, options.writeQuorum(), options.consistency(), options.timeoutMillis(), true);
        return send(nodeId, request, options.timeoutMillis(), PutReply.class)
                .thenApply(reply -> new WriteResult(reply.context(), reply.coordinator()));
    }

    @Override
    public CompletionStage<WriteResult> delete(String nodeId, byte[] key, byte[] context, WriteOptions options) {
        DeleteRequest request = new DeleteRequest(
                key, context, options.writeQuorum(), options.consistency(), options.timeoutMillis(), true);
        return send(nodeId, request, options.timeoutMillis(), DeleteReply.class)
                .thenApply(reply -> new WriteResult(reply.context(), reply.coordinator()));
    }

    private <T extends Message> CompletionStage<T> send(
            String nodeId, Message request, long timeoutMillis, Class<T> expected) {
        Optional<PeerAddress> address = addressOf.apply(nodeId);
        if (address.isEmpty()) {
            return CompletableFuture.failedFuture(
                    RequestFailedException.rejected(ErrorCode.UNAVAILABLE, "no address known for replica " + nodeId));
        }
        long budget = (timeoutMillis == 0 ? defaultTimeoutMillis : timeoutMillis) + REPLY_SLACK_MILLIS;
        return peers.request(nodeId, address.get(), request, TraceContext.EMPTY, budget)
                .handle((reply, failure) -> {
                    if (failure != null) {
                        throw ClientReplies.forwardingFailure(nodeId, failure);
                    }
                    if (expected.isInstance(reply)) {
                        return expected.cast(reply);
                    }
                    if (reply instanceof ErrorReply error) {
                        throw ClientReplies.failure(error);
                    }
                    throw ClientReplies.forwardingFailure(
                            nodeId, new IllegalStateException("unexpected reply " + reply.kind()));
                });
    }
}
