package io.ringkv.benchmarks.sim;

import io.ringkv.protocol.message.KeyHash;
import io.ringkv.protocol.message.MerkleHash;
import io.ringkv.protocol.message.MerkleLeafReply;
import io.ringkv.protocol.message.MerkleLeafRequest;
import io.ringkv.protocol.message.MerkleReply;
import io.ringkv.protocol.message.MerkleRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plays the anti-entropy exchange of the design between an initiator and a peer, partition by partition:
 * ask for the root; where it differs, descend level by level asking only for the children of differing
 * nodes; at the leaves ask for the peer's (key, hash) entries under the differing leaves and compare them
 * with the local ones. Each request and reply is built as the real wire message
 * ({@link MerkleRequest}, {@link MerkleReply}, {@link MerkleLeafRequest}, {@link MerkleLeafReply}) and
 * sized by the real encoder. The key synchronisation that follows (reading and writing each differing
 * key's sibling set) is counted in keys, not bytes: its size depends on the values, not on the tree.
 */
public final class MerkleExchange {

    private final MerkleTreeShape shape;
    private final WireSizer sizer = new WireSizer();

    public MerkleExchange(MerkleTreeShape shape) {
        this.shape = Objects.requireNonNull(shape, "shape");
    }

    public MerkleExchangeResult run(MerkleSide initiator, MerkleSide peer) {
        Counts counts = new Counts();
        for (int partition = 0; partition < shape.partitions(); partition++) {
            exchangePartition(partition, initiator, peer, counts);
        }
        return new MerkleExchangeResult(
                counts.rootBytes,
                counts.descentBytes,
                counts.leafBytes,
                counts.hashes,
                counts.entries,
                counts.differingKeys,
                counts.messages);
    }

    private void exchangePartition(int partition, MerkleSide initiator, MerkleSide peer, Counts counts) {
        List<Integer> differing = List.of(0);
        for (int depth = 0; depth <= shape.leafDepth() && !differing.isEmpty(); depth++) {
            int[] asked = depth == 0 ? new int[] {0} : children(differing);
            List<MerkleHash> hashes = new ArrayList<>(asked.length);
            for (int index : asked) {
                hashes.add(new MerkleHash(index, peer.hash(partition, index)));
            }
            long bytes = sizer.frameBytes(new MerkleRequest(partition, depth, asked))
                    + sizer.frameBytes(new MerkleReply(partition, depth, hashes));
            if (depth == 0) {
                counts.rootBytes += bytes;
            } else {
                counts.descentBytes += bytes;
            }
            counts.messages += 2;
            counts.hashes += hashes.size();
            List<Integer> next = new ArrayList<>();
            for (MerkleHash hash : hashes) {
                if (hash.hash() != initiator.hash(partition, hash.index())) {
                    next.add(hash.index());
                }
            }
            differing = next;
        }
        if (!differing.isEmpty()) {
            exchangeLeaves(partition, differing, initiator, peer, counts);
        }
    }

    private void exchangeLeaves(
            int partition, List<Integer> differingLeafNodes, MerkleSide initiator, MerkleSide peer, Counts counts) {
        int firstLeaf = MerkleTreeShape.firstIndexAt(shape.leafDepth());
        int[] leaves = new int[differingLeafNodes.size()];
        List<KeyHash> theirs = new ArrayList<>();
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = differingLeafNodes.get(i) - firstLeaf;
            theirs.addAll(peer.entries(partition, leaves[i]));
        }
        counts.leafBytes += sizer.frameBytes(new MerkleLeafRequest(partition, leaves))
                + sizer.frameBytes(new MerkleLeafReply(partition, theirs));
        counts.messages += 2;
        counts.entries += theirs.size();

        Map<ByteBuffer, Long> mine = new HashMap<>();
        for (int leaf : leaves) {
            for (KeyHash entry : initiator.entries(partition, leaf)) {
                mine.put(ByteBuffer.wrap(entry.key()), entry.hash());
            }
        }
        for (KeyHash entry : theirs) {
            Long local = mine.remove(ByteBuffer.wrap(entry.key()));
            if (local == null || local != entry.hash()) {
                counts.differingKeys++;
            }
        }
        // Keys left are held only by the initiator: the peer lacks them.
        counts.differingKeys += mine.size();
    }

    private static int[] children(List<Integer> parents) {
        int[] children = new int[parents.size() * 2];
        for (int i = 0; i < parents.size(); i++) {
            children[2 * i] = 2 * parents.get(i) + 1;
            children[2 * i + 1] = 2 * parents.get(i) + 2;
        }
        return children;
    }

    /** Running totals of one exchange. */
    private static final class Counts {
        long rootBytes;
        long descentBytes;
        long leafBytes;
        long hashes;
        long entries;
        long differingKeys;
        long messages;
    }
}
