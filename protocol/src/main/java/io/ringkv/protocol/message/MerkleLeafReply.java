package io.ringkv.protocol.message;

import java.util.List;

/**
 * The keys under the leaves a {@link MerkleLeafRequest} asked for.
 *
 * @param partition the key's partition index
 * @param entries each stored key with the hash of its sibling set
 */
public record MerkleLeafReply(int partition, List<KeyHash> entries) implements Message {

    public MerkleLeafReply {
        Fields.requireNonNegative("partition", partition);
        entries = List.copyOf(entries);
    }

    @Override
    public MessageKind kind() {
        return MessageKind.MERKLE_LEAF_REPLY;
    }
}
