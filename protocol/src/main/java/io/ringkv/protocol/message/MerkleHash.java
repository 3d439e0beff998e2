package io.ringkv.protocol.message;

/**
 * Hash of one Merkle tree node.
 *
 * @param index heap-ordered index of the tree node
 * @param hash the node's hash
 */
public record MerkleHash(int index, long hash) {

    public MerkleHash {
        Fields.requireNonNegative("index", index);
    }
}
