package io.ringkv.server.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.EncoderException;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.ProtocolException;
import io.ringkv.protocol.codec.MalformedFrame;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.TraceContext;
import io.ringkv.server.net.PeerRequestException.Reason;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One outgoing internode connection: assigns request ids, keeps the requests awaiting a reply, and
 * matches replies to them. It is also the last handler of the channel's pipeline.
 *
 * <p>Threading: {@link #send} is called from any thread; replies, connection loss and write failures
 * arrive on the channel's event loop; timeouts on the client's timer thread. The request map is
 * concurrent and every request settles at most once, so the three never disagree.
 */
final class PeerConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PeerConnection.class);

    private final Channel channel;
    private final LinkFilter linkFilter;
    private final LongSupplier ringVersion;
    private final String localNodeId;
    private final LongAdder lateReplies;
    private final Map<Long, PendingRequest> pending = new ConcurrentHashMap<>();
    // 0 is what a peer puts in an error reply when it could not read the request's id.
    private final AtomicLong nextRequestId = new AtomicLong(1);

    PeerConnection(
            Channel channel,
            LinkFilter linkFilter,
            LongSupplier ringVersion,
            String localNodeId,
            LongAdder lateReplies) {
        this.channel = channel;
        this.linkFilter = linkFilter;
        this.ringVersion = ringVersion;
        this.localNodeId = localNodeId;
        this.lateReplies = lateReplies;
    }

    boolean isActive() {
        return channel.isActive();
    }

    int inFlight() {
        return pending.size();
    }

    /** Registers {@code request} under a fresh id and writes it; the outcome settles the request. */
    void send(PendingRequest request, Message body, TraceContext trace) {
        long requestId = nextRequestId.getAndIncrement();
        pending.put(requestId, request);
        if (!request.attach(this, requestId)) {
            pending.remove(requestId);
            return;
        }
        // A write to a channel that closed meanwhile fails, so a request registered after the
        // connection-loss sweep still settles, through onWriteFailed.
        channel.writeAndFlush(new Envelope(requestId, ringVersion.getAsLong(), trace, body))
                .addListener((ChannelFuture written) -> {
                    if (!written.isSuccess()) {
                        onWriteFailed(requestId, written.cause());
                    }
                });
    }

    /** Unregisters a request that timed out; a reply arriving later is dropped. */
    void forget(long requestId) {
        pending.remove(requestId);
    }

    /** Fails every request awaiting a reply (connection lost, or the client closing). */
    void failAll(Reason reason, String detail) {
        for (Long requestId : pending.keySet()) {
            PendingRequest request = pending.remove(requestId);
            if (request != null) {
                request.fail(reason, detail, null);
            }
        }
    }

    ChannelFuture close() {
        return channel.close();
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        // The node's event loops serve only this node, so tagging the thread once is enough.
        MDC.put("node", localNodeId);
        context.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        int lost = pending.size();
        if (lost > 0) {
            LOG.debug("connection to {} lost with {} requests in flight", channel.remoteAddress(), lost);
        }
        failAll(Reason.CONNECTION_LOST, "connection to " + channel.remoteAddress() + " lost");
        context.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof Envelope reply) {
            onReply(reply);
        } else if (message instanceof MalformedFrame frame) {
            onMalformedReply(frame);
        } else {
            context.fireChannelRead(message);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("connection to {} failed: {}", channel.remoteAddress(), cause.toString());
        } else {
            LOG.warn("closing connection to {} after an unexpected error", channel.remoteAddress(), cause);
        }
        context.close();
    }

    private void onReply(Envelope reply) {
        PendingRequest request = pending.remove(reply.requestId());
        if (request == null) {
            lateReplies.increment();
            LOG.debug(
                    "dropping {} {} from {}: no request waits for it (timed out?)",
                    reply.body().kind(),
                    reply.requestId(),
                    channel.remoteAddress());
            return;
        }
        deliver(request, reply);
    }

    private void onMalformedReply(MalformedFrame frame) {
        PendingRequest request = frame.requestId() == 0 ? null : pending.remove(frame.requestId());
        LOG.warn(
                "undecodable reply {} from {}: {} {}",
                frame.requestId(),
                channel.remoteAddress(),
                frame.code(),
                frame.message());
        if (request != null) {
            // The peer did get the request, so what it did is unknown: an indefinite error reply.
            deliver(
                    request,
                    new Envelope(
                            frame.requestId(),
                            0,
                            TraceContext.EMPTY,
                            ErrorReply.of(frame.code(), "reply could not be decoded: " + frame.message(), false)));
        }
        if (frame.mustCloseConnection()) {
            channel.close();
        }
    }

    private void deliver(PendingRequest request, Envelope reply) {
        if (!linkFilter.allows(request.peerNodeId())) {
            // The link was blocked while the request was out: a partition loses the reply too, and the
            // request runs into its timeout like any other lost reply.
            LOG.trace("reply {} from blocked peer {} dropped", reply.requestId(), request.peerNodeId());
            return;
        }
        request.complete(reply);
    }

    private void onWriteFailed(long requestId, Throwable cause) {
        PendingRequest request = pending.remove(requestId);
        if (request == null) {
            return;
        }
        if (cause instanceof EncoderException) {
            // Nothing was sent (typically a request over maxFrameBytes): a definite error, the same the
            // peer would have answered.
            ErrorCode code = cause.getCause() instanceof ProtocolException protocolException
                    ? protocolException.code()
                    : ErrorCode.INTERNAL;
            LOG.debug("request {} to {} could not be encoded", requestId, request.peerNodeId(), cause);
            request.complete(new Envelope(
                    requestId,
                    0,
                    TraceContext.EMPTY,
                    ErrorReply.of(code, "request could not be encoded: " + cause.getMessage(), true)));
            return;
        }
        request.fail(Reason.CONNECTION_LOST, "write to " + channel.remoteAddress() + " failed", cause);
    }
}
