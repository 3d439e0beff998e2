package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * Asks for the hashes of some nodes of a partition's Merkle tree.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param partition the key's partition index
 * @param depth depth of the requested tree nodes
 * @param nodeIndexes heap-ordered indexes of the requested tree nodes
 */
public record MerkleRequest(int partition, int depth, int[] nodeIndexes) implements Message {

    public MerkleRequest {
        Fields.requireNonNegative("partition", partition);
        Fields.requireUnsignedByte("depth", depth);
        Fields.requireNonNegatives("nodeIndexes", Objects.requireNonNull(nodeIndexes, "nodeIndexes"));
    }

    @Override
    public MessageKind kind() {
        return MessageKind.MERKLE_REQUEST;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof MerkleRequest other
                && partition == other.partition
                && depth == other.depth
                && Arrays.equals(nodeIndexes, other.nodeIndexes);
    }

    @Override
    public int hashCode() {
        int hash = Integer.hashCode(partition);
        hash = 31 * hash + Integer.hashCode(depth);
        hash = 31 * hash + Arrays.hashCode(nodeIndexes);
        return hash;
    }

    @Override
    public String toString() {
        return "MerkleRequest["
                + "partition=" + partition
                + ", depth=" + depth
                + ", nodeIndexes=" + Fields.describe(nodeIndexes)
                + "]";
    }
}
