package io.ringkv.protocol.message;

import io.ringkv.protocol.AdminCommand;
import java.util.Objects;

/**
 * An operator command.
 *
 * @param command the command
 * @param argument command-specific argument; empty when none
 */
public record AdminRequest(AdminCommand command, String argument) implements Message {

    public AdminRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(argument, "argument");
    }

    @Override
    public MessageKind kind() {
        return MessageKind.ADMIN_REQUEST;
    }
}
