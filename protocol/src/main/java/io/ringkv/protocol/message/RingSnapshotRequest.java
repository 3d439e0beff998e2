package io.ringkv.protocol.message;

/**
 * Asks a node for its current ring view (clients do this at start-up and when a reply's ring version is newer).
 */
public record RingSnapshotRequest() implements Message {

    /** The only instance needed; the record has no state. */
    public static final RingSnapshotRequest INSTANCE = new RingSnapshotRequest();

    @Override
    public MessageKind kind() {
        return MessageKind.RING_SNAPSHOT_REQUEST;
    }
}
