package io.ringkv.server.node;

import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.TraceContext;
import io.ringkv.server.membership.PeerAddress;
import java.util.concurrent.CompletionStage;

/**
 * Sends one internode request and yields the reply body. Backed by the node's internode client; the
 * seam keeps replica, forwarding and gossip logic independent of connection management.
 *
 * <p>The stage fails with {@link io.ringkv.server.coordinator.ReplicaUnreachableException} when the peer
 * cannot be reached or does not answer within {@code timeoutMillis}. An {@code ErrorReply} from the peer
 * is a normal reply body: callers interpret it.
 */
@FunctionalInterface
public interface PeerMessenger {

    /**
     * @param peerNodeId the peer's id when known, else its address as text (a seed before its first answer)
     */
    CompletionStage<Message> request(
            String peerNodeId, PeerAddress address, Message body, TraceContext trace, long timeoutMillis);
}
