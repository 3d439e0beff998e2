package io.ringkv.protocol;

/**
 * Why a request failed, as sent in {@code ErrorReply} and per replica in {@code ReplicaError}.
 *
 * <p>The wire value of each constant is fixed by {@code ringkv.fbs} ({@code enum ErrorCode : ushort});
 * new codes are appended there and here. A peer running an older version decodes a code it does not
 * know as {@link #INTERNAL}, keeping the message text and the {@code definite} flag of the reply.
 */
public enum ErrorCode {
    /** No error; the zero value, never sent in an error reply. */
    NONE(0),
    /** The request is well-formed but invalid (bad argument, unknown enum value, wrong kind of message). */
    BAD_REQUEST(1),
    /** The frame could not be decoded. */
    MALFORMED_FRAME(2),
    /** The frame's length field exceeds the receiver's limit; the connection is closed. */
    FRAME_TOO_LARGE(3),
    KEY_TOO_LARGE(4),
    VALUE_TOO_LARGE(5),
    /** More siblings than the limit in a reply, or a write that would exceed it. */
    TOO_MANY_SIBLINGS(6),
    /** A causal context that cannot be decoded. */
    INVALID_CONTEXT(7),
    /** Not enough replicas reachable to meet the requested quorum. */
    UNAVAILABLE(8),
    /** The quorum was not reached in time; the outcome may be unknown. */
    TIMEOUT(9),
    /** The node sheds load; retry later or elsewhere. */
    OVERLOADED(10),
    /** The receiving node does not hold the partition the message names. */
    NOT_REPLICA(11),
    STORAGE_ERROR(12),
    /** A message kind the receiver does not know or does not accept on this connection. */
    UNSUPPORTED_MESSAGE(13),
    SHUTTING_DOWN(14),
    INTERNAL(15),
    /** The envelope carries another major version's file identifier. */
    UNSUPPORTED_VERSION(16),
    /** A list (gossip, ring, Merkle, stream, replica errors) longer than the limit. */
    LIST_TOO_LARGE(17);

    private static final ErrorCode[] BY_WIRE_VALUE = indexByWireValue();

    private final int wireValue;

    ErrorCode(int wireValue) {
        this.wireValue = wireValue;
    }

    /** The value of this code in the FlatBuffers enum. */
    public int wireValue() {
        return wireValue;
    }

    /** The constant for a wire value, or {@code null} when this version does not define it. */
    public static ErrorCode fromWireValue(int wireValue) {
        return wireValue >= 0 && wireValue < BY_WIRE_VALUE.length ? BY_WIRE_VALUE[wireValue] : null;
    }

    private static ErrorCode[] indexByWireValue() {
        ErrorCode[] values = values();
        ErrorCode[] index = new ErrorCode[values.length];
        for (ErrorCode code : values) {
            index[code.wireValue] = code;
        }
        return index;
    }
}
