package io.ringkv.server.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringkv.protocol.AdminCommand;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.AdminReply;
import io.ringkv.protocol.message.AdminRequest;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.Message;
import io.ringkv.server.cluster.PendingTransition;
import io.ringkv.server.cluster.Topology;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The membership admin commands: {@code DECOMMISSION} (and {@code LEAVE}, the same here: the process
 * stays up as a non-member once it left) and {@code REMOVE <node id>}. Each only starts the change and
 * answers at once with JSON {@code {"accepted": ..., "node": ..., "pending_transition": ...}}; progress shows
 * in the node states and ring version of {@code admin status}. Never blocks the calling thread.
 */
public final class MembershipAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Topology topology;

    public MembershipAdmin(Topology topology) {
        this.topology = Objects.requireNonNull(topology, "topology");
    }

    /** Whether {@code command} is one of the membership commands this class answers. */
    public static boolean handles(AdminCommand command) {
        return command == AdminCommand.DECOMMISSION || command == AdminCommand.LEAVE || command == AdminCommand.REMOVE;
    }

    public CompletionStage<Message> run(AdminRequest request) {
        CompletionStage<Void> started = switch (request.command()) {
            case DECOMMISSION, LEAVE -> topology.decommission();
            case REMOVE ->
                request.argument().isBlank()
                        ? CompletableFuture.failedFuture(
                                new IllegalArgumentException("remove needs the id of the node to remove"))
                        : topology.remove(request.argument().trim());
            default ->
                CompletableFuture.failedFuture(
                        new IllegalArgumentException(request.command() + " is not a membership command"));
        };
        return started.handle((ignored, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                return ErrorReply.of(ErrorCode.BAD_REQUEST, cause.getMessage(), true);
            }
            return accepted(request);
        });
    }

    private Message accepted(AdminRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", request.command().name().toLowerCase(Locale.ROOT));
        body.put(
                "node",
                request.command() == AdminCommand.REMOVE ? request.argument().trim() : "self");
        PendingTransition pending = topology.transition();
        body.put("pending_transition", pending == null ? "" : pending.id());
        try {
            return new AdminReply(JSON.writeValueAsString(body));
        } catch (JsonProcessingException impossible) {
            return ErrorReply.of(ErrorCode.INTERNAL, "could not render the reply: " + impossible, true);
        }
    }
}
