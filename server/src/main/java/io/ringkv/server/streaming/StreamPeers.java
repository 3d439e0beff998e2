package io.ringkv.server.streaming;

import io.ringkv.protocol.message.StreamChunk;
import io.ringkv.protocol.message.StreamRequest;
import java.util.concurrent.CompletionStage;

/**
 * The two operations a transition driver needs, addressed by node id whether the node is this one or a
 * peer: read the next chunk of a partition from a source, and merge a chunk into a gainer's replica.
 */
public interface StreamPeers {

    /** The chunk of {@code request.partition()} after {@code request.resumeAfterKey()} held by {@code source}. */
    CompletionStage<StreamChunk> fetch(String source, StreamRequest request, long timeoutMillis);

    /** Merges every entry of {@code chunk} into {@code gainer}'s replica; completes once it is durable there. */
    CompletionStage<Void> deliver(String gainer, StreamChunk chunk, long timeoutMillis);
}
