package io.ringkv.protocol.codec;

import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.ProtocolException;
import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.protocol.ProtocolVersion;
import io.ringkv.protocol.message.AbdWriteReply;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.MessageKind;
import io.ringkv.protocol.message.PingRequest;
import io.ringkv.protocol.message.RingSnapshotRequest;
import io.ringkv.protocol.message.TraceContext;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Decodes FlatBuffers envelope bytes (a frame without its length field) into an {@link Envelope} record:
 * the wire → record half of the one mapping between records and the schema; {@link MessageEncoder} is
 * the other half.
 *
 * <p>The input is untrusted. FlatBuffers-java has no verifier, so the decoder
 * <ul>
 *   <li>reads only inside the given bytes (it decodes from a read-only slice, which also keeps the
 *       FlatBuffers string decoder from reading a heap buffer's backing array past the frame);
 *   <li>checks every vector length against the frame before allocating, and charges every copy against
 *       a budget of the frame's size (see {@link FlatReader});
 *   <li>enforces {@link ProtocolLimits} with the specific {@link ErrorCode}s;
 *   <li>copies everything eagerly, so the returned records never refer to the input;
 *   <li>turns the runtime exceptions that reading garbage provokes into a {@link ProtocolException}
 *       carrying the request id when it could be read: {@link ProtocolException} is the only exception
 *       {@link #decode(ByteBuffer)} throws for bad input.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class MessageDecoder {

    /** Root offset plus file identifier: nothing shorter can be an envelope. */
    private static final int MINIMUM_ENVELOPE_BYTES = 8;

    private static final int IDENTIFIER_OFFSET = 4;

    private final ProtocolLimits limits;

    public MessageDecoder(ProtocolLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** A decoder with {@link ProtocolLimits#DEFAULT}. */
    public MessageDecoder() {
        this(ProtocolLimits.DEFAULT);
    }

    public ProtocolLimits limits() {
        return limits;
    }

    /**
     * Decodes the envelope in {@code frame}'s remaining bytes. The buffer's position, limit and byte
     * order are left unchanged.
     *
     * @throws ProtocolException for anything that is not a valid envelope within the limits
     */
    public Envelope decode(ByteBuffer frame) {
        int frameBytes = frame.remaining();
        if (frameBytes > limits.maxFrameBytes()) {
            throw new ProtocolException(
                    ErrorCode.FRAME_TOO_LARGE,
                    0,
                    "frame of " + frameBytes + " bytes exceeds the limit of " + limits.maxFrameBytes());
        }
        if (frameBytes < MINIMUM_ENVELOPE_BYTES) {
            throw new ProtocolException(
                    ErrorCode.MALFORMED_FRAME, 0, "frame of " + frameBytes + " bytes is too short for an envelope");
        }
        ByteBuffer buffer = frame.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        checkIdentifier(buffer);
        long requestId = 0;
        try {
            io.ringkv.protocol.fbs.Envelope envelope = io.ringkv.protocol.fbs.Envelope.getRootAsEnvelope(buffer);
            requestId = envelope.requestId();
            FlatReader reader = new FlatReader(limits, requestId, frameBytes);
            long ringVersion = envelope.ringVersion();
            TraceContext traceContext = traceContext(reader, envelope.traceContext());
            Message body = body(reader, envelope);
            return new Envelope(requestId, ringVersion, traceContext, body);
        } catch (IndexOutOfBoundsException
                | IllegalArgumentException
                | BufferUnderflowException
                | NegativeArraySizeException e) {
            // What FlatBuffers-java throws when offsets or lengths point outside the frame, or a
            // string is not UTF-8; records also reject out-of-range values with IllegalArgumentException.
            throw new ProtocolException(
                    ErrorCode.MALFORMED_FRAME, requestId, "malformed envelope: " + e.getMessage(), e);
        }
    }

    private static void checkIdentifier(ByteBuffer buffer) {
        byte[] identifier = new byte[ProtocolVersion.FILE_IDENTIFIER.length()];
        buffer.get(IDENTIFIER_OFFSET, identifier);
        String text = new String(identifier, StandardCharsets.ISO_8859_1);
        if (text.equals(ProtocolVersion.FILE_IDENTIFIER)) {
            return;
        }
        if (text.startsWith(ProtocolVersion.FILE_IDENTIFIER_PREFIX)) {
            throw new ProtocolException(
                    ErrorCode.UNSUPPORTED_VERSION,
                    0,
                    "peer speaks protocol " + text + ", this node speaks " + ProtocolVersion.FILE_IDENTIFIER);
        }
        throw new ProtocolException(ErrorCode.MALFORMED_FRAME, 0, "not a RingKV envelope (bad file identifier)");
    }

    private static TraceContext traceContext(FlatReader reader, io.ringkv.protocol.fbs.TraceContext table) {
        if (table == null) {
            return TraceContext.EMPTY;
        }
        return new TraceContext(
                reader.string(table.traceparent(), "traceparent"), reader.string(table.tracestate(), "tracestate"));
    }

    private static Message body(FlatReader reader, io.ringkv.protocol.fbs.Envelope envelope) {
        int unionType = envelope.bodyType() & 0xFF;
        if (unionType == io.ringkv.protocol.fbs.Message.NONE) {
            throw reader.fail(ErrorCode.MALFORMED_FRAME, "envelope has no body");
        }
        MessageKind kind = MessageKind.fromUnionType(unionType);
        if (kind == null) {
            throw reader.fail(ErrorCode.UNSUPPORTED_MESSAGE, "unknown message type " + unionType);
        }
        switch (kind) {
            case GET_REQUEST:
                return ClientMessageReader.getRequest(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.GetRequest()));
            case GET_REPLY:
                return ClientMessageReader.getReply(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.GetReply()));
            case PUT_REQUEST:
                return ClientMessageReader.putRequest(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.PutRequest()));
            case PUT_REPLY:
                return ClientMessageReader.putReply(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.PutReply()));
            case DELETE_REQUEST:
                return ClientMessageReader.deleteRequest(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.DeleteRequest()));
            case DELETE_REPLY:
                return ClientMessageReader.deleteReply(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.DeleteReply()));
            case ERROR_REPLY:
                return ClientMessageReader.errorReply(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.ErrorReply()));
            case REPLICA_READ_REQUEST:
                return ReplicaMessageReader.replicaReadRequest(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.ReplicaReadRequest()));
            case REPLICA_READ_REPLY:
                return ReplicaMessageReader.replicaReadReply(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.ReplicaReadReply()));
            case REPLICA_WRITE_REQUEST:
                return ReplicaMessageReader.replicaWriteRequest(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.ReplicaWriteRequest()));
            case REPLICA_WRITE_REPLY:
                return ReplicaMessageReader.replicaWriteReply(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.ReplicaWriteReply()));
            case HINTED_WRITE_REQUEST:
                return ReplicaMessageReader.hintedWriteRequest(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.HintedWriteRequest()));
            case HINT_REPLAY_REQUEST:
                return ReplicaMessageReader.hintReplayRequest(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.HintReplayRequest()));
            case ABD_QUERY_REQUEST:
                return ReplicaMessageReader.abdQueryRequest(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.AbdQueryRequest()));
            case ABD_QUERY_REPLY:
                return ReplicaMessageReader.abdQueryReply(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.AbdQueryReply()));
            case ABD_WRITE_REQUEST:
                return ReplicaMessageReader.abdWriteRequest(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.AbdWriteRequest()));
            case ABD_WRITE_REPLY:
                reader.body(envelope, new io.ringkv.protocol.fbs.AbdWriteReply());
                return AbdWriteReply.INSTANCE;
            case GOSSIP_SYN:
                return GossipMessageReader.gossipSyn(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.GossipSyn()));
            case GOSSIP_ACK:
                return GossipMessageReader.gossipAck(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.GossipAck()));
            case GOSSIP_ACK2:
                return GossipMessageReader.gossipAck2(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.GossipAck2()));
            case RING_SNAPSHOT_REQUEST:
                reader.body(envelope, new io.ringkv.protocol.fbs.RingSnapshotRequest());
                return RingSnapshotRequest.INSTANCE;
            case RING_SNAPSHOT_REPLY:
                return ClientMessageReader.ringSnapshotReply(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.RingSnapshotReply()));
            case MERKLE_REQUEST:
                return ReplicaMessageReader.merkleRequest(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.MerkleRequest()));
            case MERKLE_REPLY:
                return ReplicaMessageReader.merkleReply(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.MerkleReply()));
            case MERKLE_LEAF_REQUEST:
                return ReplicaMessageReader.merkleLeafRequest(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.MerkleLeafRequest()));
            case MERKLE_LEAF_REPLY:
                return ReplicaMessageReader.merkleLeafReply(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.MerkleLeafReply()));
            case STREAM_REQUEST:
                return ReplicaMessageReader.streamRequest(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.StreamRequest()));
            case STREAM_CHUNK:
                return ReplicaMessageReader.streamChunk(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.StreamChunk()));
            case ADMIN_REQUEST:
                return ClientMessageReader.adminRequest(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.AdminRequest()));
            case ADMIN_REPLY:
                return ClientMessageReader.adminReply(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.AdminReply()));
            case PING_REQUEST:
                reader.body(envelope, new io.ringkv.protocol.fbs.PingRequest());
                return PingRequest.INSTANCE;
            case PING_REPLY:
                return ClientMessageReader.pingReply(
                        reader, reader.body(envelope, new io.ringkv.protocol.fbs.PingReply()));
            default:
                throw reader.fail(ErrorCode.UNSUPPORTED_MESSAGE, "no reader for message kind " + kind);
        }
    }
}
