package io.ringkv.protocol.message;

import java.util.Objects;

/**
 * The result of an {@link AdminRequest} as a JSON document.
 *
 * @param bodyJson the JSON result
 */
public record AdminReply(String bodyJson) implements Message {

    public AdminReply {
        Objects.requireNonNull(bodyJson, "bodyJson");
    }

    @Override
    public MessageKind kind() {
        return MessageKind.ADMIN_REPLY;
    }
}
