package io.ringkv.server.linearizable;

import io.ringkv.protocol.message.Message;
import java.util.concurrent.CompletionStage;

/**
 * Sends one internode request to a node by id and yields the reply body; the node wires it to its
 * internode client. The stage fails with {@link io.ringkv.server.coordinator.ReplicaUnreachableException}
 * when the peer cannot be reached or does not answer in time; an {@code ErrorReply} is a normal reply.
 */
@FunctionalInterface
public interface PeerRequests {

    CompletionStage<Message> request(String nodeId, Message body, long timeoutMillis);
}
