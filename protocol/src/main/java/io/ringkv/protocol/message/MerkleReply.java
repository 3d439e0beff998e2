package io.ringkv.protocol.message;

import java.util.List;

/**
 * The hashes a {@link MerkleRequest} asked for.
 *
 * @param partition the key's partition index
 * @param depth depth of the tree nodes
 * @param hashes one hash per requested tree node
 */
public record MerkleReply(int partition, int depth, List<MerkleHash> hashes) implements Message {

    public MerkleReply {
        Fields.requireNonNegative("partition", partition);
        Fields.requireUnsignedByte("depth", depth);
        hashes = List.copyOf(hashes);
    }

    @Override
    public MessageKind kind() {
        return MessageKind.MERKLE_REPLY;
    }
}
