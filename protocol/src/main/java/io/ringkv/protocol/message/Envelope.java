package io.ringkv.protocol.message;

import java.util.Objects;

/**
 * One frame's content: a message body with the metadata every message carries.
 *
 * <p>Requests and replies share one connection, so {@code requestId} pairs a reply with its request;
 * the requester chooses it (unique among its in-flight requests on that connection) and the replier
 * copies it. {@code ringVersion} is the sender's ring snapshot version: a client seeing a newer one in
 * a reply refreshes its ring, and a node seeing an older one in a request knows the sender is stale.
 *
 * @param requestId    pairs requests and replies on a connection (unsigned 64-bit on the wire)
 * @param ringVersion  the sender's ring version; 0 when it has none yet
 * @param traceContext trace context of the sending span, {@link TraceContext#EMPTY} when untraced
 *                     ({@code null} is accepted and replaced by it)
 * @param body         the message
 */
public record Envelope(long requestId, long ringVersion, TraceContext traceContext, Message body) {

    public Envelope {
        traceContext = traceContext == null ? TraceContext.EMPTY : traceContext;
        Objects.requireNonNull(body, "body");
    }

    /** An untraced envelope with ring version 0. */
    public static Envelope of(long requestId, Message body) {
        return new Envelope(requestId, 0, TraceContext.EMPTY, body);
    }

    /** A reply to this envelope: same request id and trace context, the replier's ring version. */
    public Envelope reply(long replierRingVersion, Message replyBody) {
        return new Envelope(requestId, replierRingVersion, traceContext, replyBody);
    }
}
