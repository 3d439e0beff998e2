package io.ringkv.client.internal.channel;

/** Why a {@link PendingCall} ended without a reply. */
public enum CallFailure {
    /** The node's in-flight bound was reached and the call got no slot. Never sent. */
    SATURATED,
    /** No connection to the node could be used or opened. Never sent. */
    UNREACHABLE,
    /** Writing the frame failed; the node did not receive a complete frame. Never sent. */
    WRITE_FAILED,
    /** The request cannot be encoded (larger than the frame limit). Never sent. */
    FRAME_TOO_LARGE,
    /** The connection closed while the call waited for its reply; sent if its write had started. */
    CONNECTION_LOST,
    /** A reply frame for this call could not be decoded. */
    MALFORMED_REPLY,
    /** No reply within the call's timeout. */
    TIMED_OUT,
    /** The requester gave up on the call (another replica answered first, or the operation ended). */
    CANCELLED,
    /** The client is closing. */
    CLIENT_CLOSED
}
