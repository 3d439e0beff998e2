package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * Asks for the next chunk of a partition's data (joins, leaves and repair stream this way).
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param partition the key's partition index
 * @param resumeAfterKey the last key already received; empty to start from the beginning
 * @param maxBytes approximate size budget of the chunk
 * @param registers stream the partition's LINEARIZABLE registers instead of its sibling sets (a node keeps
 *     the two apart)
 */
public record StreamRequest(int partition, byte[] resumeAfterKey, long maxBytes, boolean registers) implements Message {

    public StreamRequest {
        Fields.requireNonNegative("partition", partition);
        Objects.requireNonNull(resumeAfterKey, "resumeAfterKey");
        Fields.requireUnsignedInt("maxBytes", maxBytes);
    }

    /** A request for sibling sets. */
    public StreamRequest(int partition, byte[] resumeAfterKey, long maxBytes) {
        this(partition, resumeAfterKey, maxBytes, false);
    }

    @Override
    public MessageKind kind() {
        return MessageKind.STREAM_REQUEST;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof StreamRequest other
                && partition == other.partition
                && Arrays.equals(resumeAfterKey, other.resumeAfterKey)
                && maxBytes == other.maxBytes
                && registers == other.registers;
    }

    @Override
    public int hashCode() {
        int hash = Integer.hashCode(partition);
        hash = 31 * hash + Arrays.hashCode(resumeAfterKey);
        hash = 31 * hash + Long.hashCode(maxBytes);
        hash = 31 * hash + Boolean.hashCode(registers);
        return hash;
    }

    @Override
    public String toString() {
        return "StreamRequest["
                + "partition=" + partition
                + ", resumeAfterKey=" + Fields.describe(resumeAfterKey)
                + ", maxBytes=" + maxBytes
                + ", registers=" + registers
                + "]";
    }
}
