package io.ringkv.benchmarks.load.raw;

import io.netty.channel.Channel;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.ringkv.benchmarks.load.OperationFailure;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.TraceContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection to a node with any number of requests in flight, each reply matched to its request by
 * the envelope's request id. A request fails with {@code client:TIMEOUT} when no reply came within its
 * timeout and with {@code client:CONNECTION_LOST} when the connection closes first.
 *
 * <p>Thread-safe: {@link #send} may be called from any thread; replies complete the futures on the
 * connection's event loop.
 */
public final class RawConnection {

    private final Channel channel;
    private final PendingReplies replies;
    private final Timer timer;
    private final AtomicLong nextRequestId = new AtomicLong(1);

    RawConnection(Channel channel, PendingReplies replies, Timer timer) {
        this.channel = channel;
        this.replies = replies;
        this.timer = timer;
    }

    public boolean isActive() {
        return channel.isActive();
    }

    /**
     * Sends {@code body} and completes with the reply's body (an {@code ErrorReply} is a reply too; the
     * caller interprets it).
     */
    public CompletableFuture<Message> send(Message body, long ringVersion, long timeoutMillis) {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        if (!channel.isActive()) {
            reply.completeExceptionally(
                    OperationFailure.client("CONNECTION_LOST", "not connected to " + channel.remoteAddress(), null));
            return reply;
        }
        long requestId = nextRequestId.getAndIncrement();
        Timeout timeout = timer.newTimeout(
                expired -> {
                    if (replies.expire(requestId)) {
                        reply.completeExceptionally(
                                OperationFailure.client("TIMEOUT", "no reply within " + timeoutMillis + " ms", null));
                    }
                },
                timeoutMillis,
                TimeUnit.MILLISECONDS);
        replies.register(requestId, new PendingReplies.Pending(reply, timeout));
        // A void promise saves a listener per request; a failed write surfaces in exceptionCaught,
        // which fails every request waiting on this connection.
        channel.writeAndFlush(new Envelope(requestId, ringVersion, TraceContext.EMPTY, body), channel.voidPromise());
        return reply;
    }

    void close() {
        channel.close().syncUninterruptibly();
    }
}
