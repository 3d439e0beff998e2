package io.ringkv.benchmarks.load.raw;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.Timeout;
import io.ringkv.benchmarks.load.OperationFailure;
import io.ringkv.protocol.codec.MalformedFrame;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.Message;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last handler of a raw connection's pipeline: the requests waiting for a reply, by request id.
 * A reply (or a malformed-frame notice naming the id) completes its request; when the connection
 * closes or fails, every waiting request fails with {@code client:CONNECTION_LOST}.
 */
final class PendingReplies extends ChannelInboundHandlerAdapter {

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    /** A request waiting for its reply, with the timer task that fails it when none comes. */
    record Pending(CompletableFuture<Message> reply, Timeout timeout) {}

    void register(long requestId, Pending request) {
        pending.put(requestId, request);
    }

    /** Removes the request; true when it was still waiting (so the caller may complete it). */
    boolean expire(long requestId) {
        return pending.remove(requestId) != null;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof Envelope envelope) {
            Pending waiting = pending.remove(envelope.requestId());
            if (waiting != null) {
                waiting.timeout().cancel();
                waiting.reply().complete(envelope.body());
            }
        } else if (message instanceof MalformedFrame malformed) {
            Pending waiting = pending.remove(malformed.requestId());
            if (waiting != null) {
                waiting.timeout().cancel();
                waiting.reply().completeExceptionally(OperationFailure.server(malformed.code(), malformed.message()));
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        failAll("connection to " + context.channel().remoteAddress() + " closed", null);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        failAll("connection to " + context.channel().remoteAddress() + " failed: " + cause, cause);
        context.close();
    }

    private void failAll(String message, Throwable cause) {
        for (Long requestId : pending.keySet()) {
            Pending waiting = pending.remove(requestId);
            if (waiting != null) {
                waiting.timeout().cancel();
                waiting.reply().completeExceptionally(OperationFailure.client("CONNECTION_LOST", message, cause));
            }
        }
    }
}
