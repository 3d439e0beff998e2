package io.ringkv.client.internal.topology;

import io.ringkv.client.config.HostAndPort;
import io.ringkv.protocol.message.RingSnapshotReply;
import java.util.concurrent.CompletableFuture;

/** Where the topology manager fetches ring snapshots from: a seed address, or a node it already knows. */
public interface SnapshotSource {

    /** Asks the node at a seed address (on a connection of its own) for its ring. */
    CompletableFuture<RingSnapshotReply> fromSeed(HostAndPort seed);

    /** Asks a node of the current ring, over its pool. */
    CompletableFuture<RingSnapshotReply> fromNode(String nodeId);
}
