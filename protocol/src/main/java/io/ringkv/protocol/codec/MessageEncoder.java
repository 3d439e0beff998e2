package io.ringkv.protocol.codec;

import com.google.flatbuffers.FlatBufferBuilder;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.ProtocolException;
import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.protocol.ProtocolVersion;
import io.ringkv.protocol.message.AbdQueryReply;
import io.ringkv.protocol.message.AbdQueryRequest;
import io.ringkv.protocol.message.AbdWriteRequest;
import io.ringkv.protocol.message.AdminReply;
import io.ringkv.protocol.message.AdminRequest;
import io.ringkv.protocol.message.DeleteReply;
import io.ringkv.protocol.message.DeleteRequest;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.GossipAck;
import io.ringkv.protocol.message.GossipAck2;
import io.ringkv.protocol.message.GossipSyn;
import io.ringkv.protocol.message.HintReplayRequest;
import io.ringkv.protocol.message.HintedWriteRequest;
import io.ringkv.protocol.message.MerkleLeafReply;
import io.ringkv.protocol.message.MerkleLeafRequest;
import io.ringkv.protocol.message.MerkleReply;
import io.ringkv.protocol.message.MerkleRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.PingReply;
import io.ringkv.protocol.message.PutReply;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.protocol.message.ReplicaReadReply;
import io.ringkv.protocol.message.ReplicaReadRequest;
import io.ringkv.protocol.message.ReplicaWriteReply;
import io.ringkv.protocol.message.ReplicaWriteRequest;
import io.ringkv.protocol.message.RingSnapshotReply;
import io.ringkv.protocol.message.StreamChunk;
import io.ringkv.protocol.message.StreamRequest;
import io.ringkv.protocol.message.TraceContext;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Encodes an {@link Envelope} record into FlatBuffers bytes (without the frame's length field): the
 * record → wire half of the one mapping between records and the schema; {@link MessageDecoder} is the
 * other half.
 *
 * <p>The encoder reuses one {@link FlatBufferBuilder}, so it allocates almost nothing per message.
 * In exchange it is <b>not thread-safe</b>: use one per thread or per channel (the Netty
 * {@link FrameEncoder} holds one per connection). A builder that grew past
 * {@value #RETAINED_BUILDER_BYTES} bytes for a large message is dropped at the next call so that idle
 * connections do not pin big buffers.
 *
 * <p>The output is deterministic: the same record always yields the same bytes (the golden vectors rely
 * on it). Empty byte arrays, strings and lists are omitted and decode back as empty.
 */
public final class MessageEncoder {

    /** Builders larger than this are replaced by a fresh one before the next message. */
    static final int RETAINED_BUILDER_BYTES = 64 * 1024;

    private static final int INITIAL_BUILDER_BYTES = 2 * 1024;

    private final ProtocolLimits limits;
    private FlatWriter writer;

    public MessageEncoder(ProtocolLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.writer = newWriter();
    }

    /** An encoder with {@link ProtocolLimits#DEFAULT}. */
    public MessageEncoder() {
        this(ProtocolLimits.DEFAULT);
    }

    /**
     * Encodes an envelope. The returned buffer is a view of the encoder's internal builder, positioned
     * at the first byte and limited to the last; it stays valid only until the next call on this encoder.
     *
     * @throws ProtocolException with {@link ErrorCode#FRAME_TOO_LARGE} when the envelope would exceed
     *     {@link ProtocolLimits#maxFrameBytes()}
     */
    public ByteBuffer encode(Envelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        // offset() is the size of the previous message (or of a failed partial one), before clear().
        if (writer.builder.offset() > RETAINED_BUILDER_BYTES) {
            writer = newWriter();
        }
        writer.reset(envelope.requestId());
        Message body = envelope.body();
        int bodyOffset = writeBody(writer, body);
        int traceOffset = writeTraceContext(writer, envelope.traceContext());
        FlatBufferBuilder builder = writer.builder;
        int root = io.ringkv.protocol.fbs.Envelope.createEnvelope(
                builder,
                envelope.requestId(),
                envelope.ringVersion(),
                traceOffset,
                body.kind().unionType(),
                bodyOffset);
        builder.finish(root, ProtocolVersion.FILE_IDENTIFIER);
        ByteBuffer bytes = builder.dataBuffer();
        if (bytes.remaining() > limits.maxFrameBytes()) {
            throw new ProtocolException(
                    ErrorCode.FRAME_TOO_LARGE,
                    envelope.requestId(),
                    "encoded " + body.kind() + " is " + bytes.remaining() + " bytes, more than the limit of "
                            + limits.maxFrameBytes());
        }
        return bytes;
    }

    /** Encodes an envelope into a new array (convenient for tests and storage, costs one copy). */
    public byte[] encodeToBytes(Envelope envelope) {
        ByteBuffer bytes = encode(envelope);
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        return copy;
    }

    private FlatWriter newWriter() {
        return new FlatWriter(new FlatBufferBuilder(INITIAL_BUILDER_BYTES), limits.maxFrameBytes());
    }

    private static int writeTraceContext(FlatWriter writer, TraceContext traceContext) {
        if (traceContext.isEmpty()) {
            return 0;
        }
        int traceparent = writer.string(traceContext.traceparent());
        int tracestate = writer.string(traceContext.tracestate());
        return io.ringkv.protocol.fbs.TraceContext.createTraceContext(writer.builder, traceparent, tracestate);
    }

    private static int writeBody(FlatWriter writer, Message body) {
        switch (body.kind()) {
            case GET_REQUEST:
                return ClientMessageWriter.getRequest(writer, (GetRequest) body);
            case GET_REPLY:
                return ClientMessageWriter.getReply(writer, (GetReply) body);
            case PUT_REQUEST:
                return ClientMessageWriter.putRequest(writer, (PutRequest) body);
            case PUT_REPLY:
                return ClientMessageWriter.putReply(writer, (PutReply) body);
            case DELETE_REQUEST:
                return ClientMessageWriter.deleteRequest(writer, (DeleteRequest) body);
            case DELETE_REPLY:
                return ClientMessageWriter.deleteReply(writer, (DeleteReply) body);
            case ERROR_REPLY:
                return ClientMessageWriter.errorReply(writer, (ErrorReply) body);
            case REPLICA_READ_REQUEST:
                return ReplicaMessageWriter.replicaReadRequest(writer, (ReplicaReadRequest) body);
            case REPLICA_READ_REPLY:
                return ReplicaMessageWriter.replicaReadReply(writer, (ReplicaReadReply) body);
            case REPLICA_WRITE_REQUEST:
                return ReplicaMessageWriter.replicaWriteRequest(writer, (ReplicaWriteRequest) body);
            case REPLICA_WRITE_REPLY:
                return ReplicaMessageWriter.replicaWriteReply(writer, (ReplicaWriteReply) body);
            case HINTED_WRITE_REQUEST:
                return ReplicaMessageWriter.hintedWriteRequest(writer, (HintedWriteRequest) body);
            case HINT_REPLAY_REQUEST:
                return ReplicaMessageWriter.hintReplayRequest(writer, (HintReplayRequest) body);
            case ABD_QUERY_REQUEST:
                return ReplicaMessageWriter.abdQueryRequest(writer, (AbdQueryRequest) body);
            case ABD_QUERY_REPLY:
                return ReplicaMessageWriter.abdQueryReply(writer, (AbdQueryReply) body);
            case ABD_WRITE_REQUEST:
                return ReplicaMessageWriter.abdWriteRequest(writer, (AbdWriteRequest) body);
            case ABD_WRITE_REPLY:
                return ReplicaMessageWriter.abdWriteReply(writer);
            case GOSSIP_SYN:
                return GossipMessageWriter.gossipSyn(writer, (GossipSyn) body);
            case GOSSIP_ACK:
                return GossipMessageWriter.gossipAck(writer, (GossipAck) body);
            case GOSSIP_ACK2:
                return GossipMessageWriter.gossipAck2(writer, (GossipAck2) body);
            case RING_SNAPSHOT_REQUEST:
                return ClientMessageWriter.ringSnapshotRequest(writer);
            case RING_SNAPSHOT_REPLY:
                return ClientMessageWriter.ringSnapshotReply(writer, (RingSnapshotReply) body);
            case MERKLE_REQUEST:
                return ReplicaMessageWriter.merkleRequest(writer, (MerkleRequest) body);
            case MERKLE_REPLY:
                return ReplicaMessageWriter.merkleReply(writer, (MerkleReply) body);
            case MERKLE_LEAF_REQUEST:
                return ReplicaMessageWriter.merkleLeafRequest(writer, (MerkleLeafRequest) body);
            case MERKLE_LEAF_REPLY:
                return ReplicaMessageWriter.merkleLeafReply(writer, (MerkleLeafReply) body);
            case STREAM_REQUEST:
                return ReplicaMessageWriter.streamRequest(writer, (StreamRequest) body);
            case STREAM_CHUNK:
                return ReplicaMessageWriter.streamChunk(writer, (StreamChunk) body);
            case ADMIN_REQUEST:
                return ClientMessageWriter.adminRequest(writer, (AdminRequest) body);
            case ADMIN_REPLY:
                return ClientMessageWriter.adminReply(writer, (AdminReply) body);
            case PING_REQUEST:
                return ClientMessageWriter.pingRequest(writer);
            case PING_REPLY:
                return ClientMessageWriter.pingReply(writer, (PingReply) body);
            default:
                throw new IllegalStateException("no writer for message kind " + body.kind());
        }
    }
}
