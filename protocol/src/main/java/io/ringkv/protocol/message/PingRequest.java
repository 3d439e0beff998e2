package io.ringkv.protocol.message;

/**
 * Health check.
 */
public record PingRequest() implements Message {

    /** The only instance needed; the record has no state. */
    public static final PingRequest INSTANCE = new PingRequest();

    @Override
    public MessageKind kind() {
        return MessageKind.PING_REQUEST;
    }
}
