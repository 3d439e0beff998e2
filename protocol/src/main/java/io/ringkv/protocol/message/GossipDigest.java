package io.ringkv.protocol.message;

import java.util.Objects;

/**
 * What a node knows about one endpoint: generation (increases on restart) and highest state version.
 *
 * @param nodeId the endpoint's node id
 * @param generation the endpoint's generation
 * @param version highest state version known
 */
public record GossipDigest(String nodeId, long generation, long version) {

    public GossipDigest {
        Objects.requireNonNull(nodeId, "nodeId");
    }
}
