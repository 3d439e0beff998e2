package io.ringkv.server.antientropy;

import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.KeyHash;
import io.ringkv.protocol.message.MerkleHash;
import io.ringkv.protocol.message.MerkleLeafReply;
import io.ringkv.protocol.message.MerkleLeafRequest;
import io.ringkv.protocol.message.MerkleReply;
import io.ringkv.protocol.message.MerkleRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.server.storage.StorageEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Answers a co-replica's anti-entropy requests from this node's {@link MerkleForest}: node hashes from
 * the trees, leaf contents from a range scan ({@link LeafEntries}). Blocks (the first request for a
 * partition builds its tree), so run it on the storage executor, never on an event loop.
 */
public final class MerkleRequestHandler {

    private final MerkleForest forest;
    private final StorageEngine engine;
    private final AntiEntropyCounters counters;

    public MerkleRequestHandler(MerkleForest forest, StorageEngine engine, AntiEntropyCounters counters) {
        this.forest = Objects.requireNonNull(forest, "forest");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /** The requested node hashes, or an error reply naming a node that does not exist at that depth. */
    public Message hashes(MerkleRequest request) {
        MerkleTreeShape shape = forest.shape();
        for (int index : request.nodeIndexes()) {
            if (!shape.isNodeAt(request.depth(), index)) {
                return ErrorReply.of(
                        ErrorCode.BAD_REQUEST,
                        "no Merkle node " + index + " at depth " + request.depth() + " in a tree of "
                                + shape.leafCount() + " leaves (anti-entropy.leaves-per-partition must be the"
                                + " same on every node)",
                        false);
            }
        }
        long[] hashes = forest.tree(request.partition()).hashes(request.nodeIndexes());
        List<MerkleHash> reply = new ArrayList<>(hashes.length);
        for (int i = 0; i < hashes.length; i++) {
            reply.add(new MerkleHash(request.nodeIndexes()[i], hashes[i]));
        }
        counters.hashesSent(reply.size());
        return new MerkleReply(request.partition(), request.depth(), reply);
    }

    /** The keys and entry hashes under the requested leaves. */
    public Message leaves(MerkleLeafRequest request) {
        MerkleTreeShape shape = forest.shape();
        for (int leaf : request.leafIndexes()) {
            if (leaf >= shape.leafCount()) {
                return ErrorReply.of(
                        ErrorCode.BAD_REQUEST,
                        "no leaf " + leaf + " in a tree of " + shape.leafCount() + " leaves"
                                + " (anti-entropy.leaves-per-partition must be the same on every node)",
                        false);
            }
        }
        List<KeyHash> entries = LeafEntries.scan(engine, shape, request.partition(), request.leafIndexes());
        counters.hashesSent(entries.size());
        return new MerkleLeafReply(request.partition(), entries);
    }
}
