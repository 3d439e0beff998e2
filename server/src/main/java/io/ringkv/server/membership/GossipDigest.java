package io.ringkv.server.membership;

import java.util.Objects;

/**
 * A summary of what a node knows about one endpoint: the endpoint's generation and the highest version of
 * its state. In a {@link Syn} it advertises the sender's knowledge; in an {@link Ack} it asks for every
 * state of that endpoint newer than {@code (generation, version)} ({@code version} 0 asks for all of it).
 * Maps one to one to the wire table {@code GossipDigest}.
 *
 * @param nodeId the endpoint described
 * @param generation the endpoint's generation (its incarnation: grows at every restart)
 * @param version the highest state version known within that generation
 */
public record GossipDigest(String nodeId, long generation, long version) {

    public GossipDigest {
        Objects.requireNonNull(nodeId, "nodeId");
        if (generation < 0 || version < 0) {
            throw new IllegalArgumentException(
                    "generation and version must be >= 0, were " + generation + " and " + version);
        }
    }
}
