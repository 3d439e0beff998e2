package io.ringkv.protocol.message;

/**
 * Acknowledges an {@link AbdWriteRequest}.
 */
public record AbdWriteReply() implements Message {

    /** The only instance needed; the record has no state. */
    public static final AbdWriteReply INSTANCE = new AbdWriteReply();

    @Override
    public MessageKind kind() {
        return MessageKind.ABD_WRITE_REPLY;
    }
}
