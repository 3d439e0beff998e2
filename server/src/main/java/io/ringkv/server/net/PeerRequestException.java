package io.ringkv.server.net;

import java.util.Objects;

/**
 * Why an {@link InternodeClient} request got no reply. A reply that is an {@code ErrorReply} is not an
 * exception: the peer answered, and its error is in the reply envelope.
 *
 * <p>Callers decide what a failure means from {@link #mayHaveBeenDelivered()}: when false the peer
 * certainly did not act on the request; when true it may have (the request left this node, and then the
 * connection broke or the reply did not come in time).
 *
 * <p>These failures are routine (a peer down, a partition), so the exception carries no stack trace.
 */
public final class PeerRequestException extends RuntimeException {

    /** What went wrong, from the sender's point of view. */
    public enum Reason {
        /** The link to the peer is blocked by the {@link LinkFilter}; reported after the request's timeout. */
        LINK_BLOCKED,
        /** No connection to the peer: connect refused or timed out, or still backing off after that. */
        CONNECT_FAILED,
        /** The connection broke while the request was in flight. */
        CONNECTION_LOST,
        /** No reply within the request's timeout. */
        TIMEOUT,
        /** Too many requests in flight to the peer already; refused without sending. */
        OVERLOADED,
        /** The client was closed. */
        CLOSED;

        /** True for the reasons where the peer may have received and applied the request. */
        public boolean mayHaveBeenDelivered() {
            return this == CONNECTION_LOST || this == TIMEOUT;
        }
    }

    private final Reason reason;
    private final String peerNodeId;

    public PeerRequestException(Reason reason, String peerNodeId, String detail, Throwable cause) {
        super(reason + " (peer " + peerNodeId + "): " + detail, cause, true, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.peerNodeId = Objects.requireNonNull(peerNodeId, "peerNodeId");
    }

    public PeerRequestException(Reason reason, String peerNodeId, String detail) {
        this(reason, peerNodeId, detail, null);
    }

    public Reason reason() {
        return reason;
    }

    public String peerNodeId() {
        return peerNodeId;
    }

    /** See {@link Reason#mayHaveBeenDelivered()}. */
    public boolean mayHaveBeenDelivered() {
        return reason.mayHaveBeenDelivered();
    }
}
