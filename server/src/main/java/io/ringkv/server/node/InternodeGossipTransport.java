package io.ringkv.server.node;

import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.GossipAck;
import io.ringkv.protocol.message.TraceContext;
import io.ringkv.server.cluster.GossipMessages;
import io.ringkv.server.membership.Ack;
import io.ringkv.server.membership.Ack2;
import io.ringkv.server.membership.GossipTransport;
import io.ringkv.server.membership.PeerAddress;
import io.ringkv.server.membership.Syn;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gossip over the internode connections: a syn is a request answered by an ack; an ack2 is best effort. */
final class InternodeGossipTransport implements GossipTransport {

    private static final Logger LOG = LoggerFactory.getLogger(InternodeGossipTransport.class);

    private final PeerMessenger peers;
    private final Function<PeerAddress, Optional<String>> nodeIdAt;
    private final long timeoutMillis;

    InternodeGossipTransport(
            PeerMessenger peers, Function<PeerAddress, Optional<String>> nodeIdAt, long timeoutMillis) {
        this.peers = peers;
        this.nodeIdAt = nodeIdAt;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public CompletionStage<Ack> sendSyn(PeerAddress peer, Syn syn) {
        return peers.request(peerId(peer), peer, GossipMessages.toWire(syn), TraceContext.EMPTY, timeoutMillis)
                .thenApply(reply -> {
                    if (reply instanceof GossipAck ack) {
                        return GossipMessages.fromWire(ack);
                    }
                    String reason = reply instanceof ErrorReply error
                            ? error.message()
                            : reply.kind().name();
                    throw new IllegalStateException(peer + " refused gossip: " + reason);
                });
    }

    @Override
    public void sendAck2(PeerAddress peer, Ack2 ack2) {
        peers.request(peerId(peer), peer, GossipMessages.toWire(ack2), TraceContext.EMPTY, timeoutMillis)
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        LOG.debug("ack2 to {} lost: {}", peer, failure.toString());
                    }
                });
    }

    /** The link filter works by node id; a seed not yet heard of is known only by its address. */
    private String peerId(PeerAddress peer) {
        return nodeIdAt.apply(peer).orElse(peer.toString());
    }
}
