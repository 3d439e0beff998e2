package io.ringkv.server.membership;

/**
 * A gossip message this node refuses to process, such as a {@link Syn} from a node of another cluster
 * (two clusters whose seeds cross must not merge). The transport turns it into an error reply; the sender
 * sees its exchange fail.
 */
public final class GossipRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GossipRejectedException(String message) {
        super(message);
    }
}
