package io.ringkv.protocol.message;

/**
 * Every kind of message body, with its type id in the FlatBuffers {@code union Message}. Handlers
 * switch on {@link Message#kind()} (Java 17 has no pattern matching for switch), and the codec uses
 * {@link #unionType()} as the wire tag. Constants follow the union's order; new kinds are appended
 * in both places.
 */
public enum MessageKind {
    /** {@link GetRequest}. */
    GET_REQUEST(1, GetRequest.class),
    /** {@link GetReply}. */
    GET_REPLY(2, GetReply.class),
    /** {@link PutRequest}. */
    PUT_REQUEST(3, PutRequest.class),
    /** {@link PutReply}. */
    PUT_REPLY(4, PutReply.class),
    /** {@link DeleteRequest}. */
    DELETE_REQUEST(5, DeleteRequest.class),
    /** {@link DeleteReply}. */
    DELETE_REPLY(6, DeleteReply.class),
    /** {@link ErrorReply}. */
    ERROR_REPLY(7, ErrorReply.class),
    /** {@link ReplicaReadRequest}. */
    REPLICA_READ_REQUEST(8, ReplicaReadRequest.class),
    /** {@link ReplicaReadReply}. */
    REPLICA_READ_REPLY(9, ReplicaReadReply.class),
    /** {@link ReplicaWriteRequest}. */
    REPLICA_WRITE_REQUEST(10, ReplicaWriteRequest.class),
    /** {@link ReplicaWriteReply}. */
    REPLICA_WRITE_REPLY(11, ReplicaWriteReply.class),
    /** {@link HintedWriteRequest}. */
    HINTED_WRITE_REQUEST(12, HintedWriteRequest.class),
    /** {@link HintReplayRequest}. */
    HINT_REPLAY_REQUEST(13, HintReplayRequest.class),
    /** {@link AbdQueryRequest}. */
    ABD_QUERY_REQUEST(14, AbdQueryRequest.class),
    /** {@link AbdQueryReply}. */
    ABD_QUERY_REPLY(15, AbdQueryReply.class),
    /** {@link AbdWriteRequest}. */
    ABD_WRITE_REQUEST(16, AbdWriteRequest.class),
    /** {@link AbdWriteReply}. */
    ABD_WRITE_REPLY(17, AbdWriteReply.class),
    /** {@link GossipSyn}. */
    GOSSIP_SYN(18, GossipSyn.class),
    /** {@link GossipAck}. */
    GOSSIP_ACK(19, GossipAck.class),
    /** {@link GossipAck2}. */
    GOSSIP_ACK2(20, GossipAck2.class),
    /** {@link RingSnapshotRequest}. */
    RING_SNAPSHOT_REQUEST(21, RingSnapshotRequest.class),
    /** {@link RingSnapshotReply}. */
    RING_SNAPSHOT_REPLY(22, RingSnapshotReply.class),
    /** {@link MerkleRequest}. */
    MERKLE_REQUEST(23, MerkleRequest.class),
    /** {@link MerkleReply}. */
    MERKLE_REPLY(24, MerkleReply.class),
    /** {@link MerkleLeafRequest}. */
    MERKLE_LEAF_REQUEST(25, MerkleLeafRequest.class),
    /** {@link MerkleLeafReply}. */
    MERKLE_LEAF_REPLY(26, MerkleLeafReply.class),
    /** {@link StreamRequest}. */
    STREAM_REQUEST(27, StreamRequest.class),
    /** {@link StreamChunk}. */
    STREAM_CHUNK(28, StreamChunk.class),
    /** {@link AdminRequest}. */
    ADMIN_REQUEST(29, AdminRequest.class),
    /** {@link AdminReply}. */
    ADMIN_REPLY(30, AdminReply.class),
    /** {@link PingRequest}. */
    PING_REQUEST(31, PingRequest.class),
    /** {@link PingReply}. */
    PING_REPLY(32, PingReply.class);

    private static final MessageKind[] BY_UNION_TYPE = indexByUnionType();

    private final byte unionType;
    private final Class<? extends Message> recordType;

    MessageKind(int unionType, Class<? extends Message> recordType) {
        this.unionType = (byte) unionType;
        this.recordType = recordType;
    }

    /** The type id of this kind in the FlatBuffers union (1-based; 0 means "no body"). */
    public byte unionType() {
        return unionType;
    }

    /** The record class carrying this kind. */
    public Class<? extends Message> recordType() {
        return recordType;
    }

    /** The kind for a union type id, or {@code null} when this version does not define it. */
    public static MessageKind fromUnionType(int unionType) {
        return unionType > 0 && unionType < BY_UNION_TYPE.length ? BY_UNION_TYPE[unionType] : null;
    }

    private static MessageKind[] indexByUnionType() {
        MessageKind[] kinds = values();
        MessageKind[] index = new MessageKind[kinds.length + 1];
        for (MessageKind kind : kinds) {
            index[kind.unionType] = kind;
        }
        return index;
    }
}
