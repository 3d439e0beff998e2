package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * Asks for the keys and hashes under some leaves of a partition's Merkle tree.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param partition the key's partition index
 * @param leafIndexes indexes of the requested leaves
 */
public record MerkleLeafRequest(int partition, int[] leafIndexes) implements Message {

    public MerkleLeafRequest {
        Fields.requireNonNegative("partition", partition);
        Fields.requireNonNegatives("leafIndexes", Objects.requireNonNull(leafIndexes, "leafIndexes"));
    }

    @Override
    public MessageKind kind() {
        return MessageKind.MERKLE_LEAF_REQUEST;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof MerkleLeafRequest other
                && partition == other.partition
                && Arrays.equals(leafIndexes, other.leafIndexes);
    }

    @Override
    public int hashCode() {
        int hash = Integer.hashCode(partition);
        hash = 31 * hash + Arrays.hashCode(leafIndexes);
        return hash;
    }

    @Override
    public String toString() {
        return "MerkleLeafRequest[" + "partition=" + partition + ", leafIndexes=" + Fields.describe(leafIndexes) + "]";
    }
}
