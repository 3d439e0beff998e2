package io.ringkv.protocol.message;

import java.util.Objects;

/**
 * Answer to a {@link PingRequest}.
 *
 * @param nodeId id of the answering node
 */
public record PingReply(String nodeId) implements Message {

    public PingReply {
        Objects.requireNonNull(nodeId, "nodeId");
    }

    @Override
    public MessageKind kind() {
        return MessageKind.PING_REPLY;
    }
}
