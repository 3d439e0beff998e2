package io.ringkv.client.internal.channel;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.ringkv.protocol.codec.MalformedFrame;
import io.ringkv.protocol.message.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a client connection's pipeline: pairs each reply with its {@link PendingCall} by
 * request id (replies may come in any order) and fails every call still waiting when the connection
 * closes. One instance per channel; inbound events run on the channel's event loop, registrations come
 * from any thread.
 */
public final class ResponseHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseHandler.class);

    private final Map<Long, PendingCall> pending = new ConcurrentHashMap<>();
    private final String peer;
    private volatile boolean closed;

    public ResponseHandler(String peer) {
        this.peer = peer;
    }

    /**
     * Registers a call before its frame is written, so that a fast reply always finds it. Returns
     * false when the connection has already closed; the caller then fails the call itself.
     */
    boolean register(long requestId, PendingCall call) {
        pending.put(requestId, call);
        if (closed) {
            // channelInactive may have swept the map before this put: take the entry back.
            return pending.remove(requestId) == null;
        }
        return true;
    }

    void forget(long requestId) {
        pending.remove(requestId);
    }

    int pendingCount() {
        return pending.size();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof Envelope envelope) {
            PendingCall call = pending.remove(envelope.requestId());
            if (call == null) {
                // The requester gave up (timeout, speculative read answered elsewhere): drop it.
                LOG.trace("{}: reply to unknown or abandoned request {}", peer, envelope.requestId());
                return;
            }
            call.complete(envelope);
        } else if (message instanceof MalformedFrame malformed) {
            onMalformedFrame(context, malformed);
        } else {
            LOG.debug(
                    "{}: ignoring unexpected inbound object {}",
                    peer,
                    message.getClass().getName());
        }
    }

    private void onMalformedFrame(ChannelHandlerContext context, MalformedFrame malformed) {
        PendingCall call = malformed.requestId() == 0 ? null : pending.remove(malformed.requestId());
        if (call != null && !malformed.mustCloseConnection()) {
            LOG.warn("{}: undecodable reply to request {}: {}", peer, malformed.requestId(), malformed.message());
            call.fail(CallFailure.MALFORMED_REPLY, "undecodable reply: " + malformed.message(), null);
            return;
        }
        // Without a usable request id, or with a length field that cannot be trusted, the stream is out
        // of step: every call on this connection is in doubt, so close it and let them fail.
        LOG.warn(
                "{}: closing connection after an undecodable frame: {} {}",
                peer,
                malformed.code(),
                malformed.message());
        if (call != null) {
            call.fail(CallFailure.MALFORMED_REPLY, "undecodable reply: " + malformed.message(), null);
        }
        context.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        closed = true;
        List<PendingCall> calls = new ArrayList<>(pending.values());
        pending.clear();
        for (PendingCall call : calls) {
            call.fail(CallFailure.CONNECTION_LOST, "connection to " + peer + " closed", null);
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.debug("{}: connection error, closing: {}", peer, cause.toString());
        context.close();
    }
}
