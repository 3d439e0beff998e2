package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A chunk of a partition in storage order.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param partition the key's partition index
 * @param entries the streamed keys
 * @param lastKey key to resume after; empty when the chunk is empty
 * @param done true when the partition has no more entries
 * @param registers the entries are LINEARIZABLE registers, not sibling sets
 */
public record StreamChunk(int partition, List<StreamEntry> entries, byte[] lastKey, boolean done, boolean registers)
        implements Message {

    public StreamChunk {
        Fields.requireNonNegative("partition", partition);
        entries = List.copyOf(entries);
        Objects.requireNonNull(lastKey, "lastKey");
    }

    /** A chunk of sibling sets. */
    public StreamChunk(int partition, List<StreamEntry> entries, byte[] lastKey, boolean done) {
        this(partition, entries, lastKey, done, false);
    }

    @Override
    public MessageKind kind() {
        return MessageKind.STREAM_CHUNK;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof StreamChunk other
                && partition == other.partition
                && entries.equals(other.entries)
                && Arrays.equals(lastKey, other.lastKey)
                && done == other.done
                && registers == other.registers;
    }

    @Override
    public int hashCode() {
        int hash = Integer.hashCode(partition);
        hash = 31 * hash + entries.hashCode();
        hash = 31 * hash + Arrays.hashCode(lastKey);
        hash = 31 * hash + Boolean.hashCode(done);
        hash = 31 * hash + Boolean.hashCode(registers);
        return hash;
    }

    @Override
    public String toString() {
        return "StreamChunk["
                + "partition=" + partition
                + ", entries=" + entries
                + ", lastKey=" + Fields.describe(lastKey)
                + ", done=" + done
                + ", registers=" + registers
                + "]";
    }
}
