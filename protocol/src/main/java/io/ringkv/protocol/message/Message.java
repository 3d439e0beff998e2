package io.ringkv.protocol.message;

/**
 * The body of an {@link Envelope}: one record per message kind of the wire protocol. The hierarchy is
 * sealed so that the codec provably maps every kind; {@link #kind()} gives a constant to switch on.
 */
public sealed interface Message
        permits GetRequest,
                GetReply,
                PutRequest,
                PutReply,
                DeleteRequest,
                DeleteReply,
                ErrorReply,
                ReplicaReadRequest,
                ReplicaReadReply,
                ReplicaWriteRequest,
                ReplicaWriteReply,
                HintedWriteRequest,
                HintReplayRequest,
                AbdQueryRequest,
                AbdQueryReply,
                AbdWriteRequest,
                AbdWriteReply,
                GossipSyn,
                GossipAck,
                GossipAck2,
                RingSnapshotRequest,
                RingSnapshotReply,
                MerkleRequest,
                MerkleReply,
                MerkleLeafRequest,
                MerkleLeafReply,
                StreamRequest,
                StreamChunk,
                AdminRequest,
                AdminReply,
                PingRequest,
                PingReply {

    /** The kind of this message, which is also its wire type tag. */
    MessageKind kind();
}
