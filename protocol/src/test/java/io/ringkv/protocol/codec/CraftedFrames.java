package io.ringkv.protocol.codec;

import com.google.flatbuffers.FlatBufferBuilder;
import io.ringkv.protocol.ProtocolVersion;
import io.ringkv.protocol.fbs.ClientSibling;
import io.ringkv.protocol.fbs.Envelope;
import io.ringkv.protocol.fbs.ErrorReply;
import io.ringkv.protocol.fbs.GetReply;
import io.ringkv.protocol.fbs.GetRequest;
import io.ringkv.protocol.fbs.GossipAck2;
import io.ringkv.protocol.fbs.Message;
import io.ringkv.protocol.fbs.PingRequest;
import java.util.Arrays;

/**
 * Hand-built envelopes that the message encoder would never produce: unknown union types and enum
 * values, bodies missing, offsets aliasing one vector. Built with the generated FlatBuffers builders.
 */
final class CraftedFrames {

    private CraftedFrames() {}

    /** A ping request body announced under another union type. */
    static byte[] withUnionType(long requestId, byte unionType) {
        FlatBufferBuilder builder = new FlatBufferBuilder();
        PingRequest.startPingRequest(builder);
        int body = PingRequest.endPingRequest(builder);
        return finish(builder, Envelope.createEnvelope(builder, requestId, 0, 0, unionType, body));
    }

    /** A union type without a body table. */
    static byte[] withoutBody(long requestId) {
        FlatBufferBuilder builder = new FlatBufferBuilder();
        return finish(builder, Envelope.createEnvelope(builder, requestId, 0, 0, Message.PingReply, 0));
    }

    /** A get request whose consistency byte is {@code consistency}. */
    static byte[] getRequestWithConsistency(long requestId, int consistency) {
        FlatBufferBuilder builder = new FlatBufferBuilder();
        int key = builder.createByteVector(new byte[] {1, 2, 3});
        int body = GetRequest.createGetRequest(builder, key, 2, consistency, 1000, false);
        return finish(builder, Envelope.createEnvelope(builder, requestId, 0, 0, Message.GetRequest, body));
    }

    /**
     * A get reply whose {@code siblingCount} sibling offsets all point at one sibling holding
     * {@code valueBytes} bytes: small on the wire, {@code siblingCount} times larger if decoded naively.
     */
    static byte[] getReplyAliasingOneSibling(long requestId, int siblingCount, int valueBytes) {
        FlatBufferBuilder builder = new FlatBufferBuilder();
        int value = builder.createByteVector(new byte[valueBytes]);
        int sibling = ClientSibling.createClientSibling(builder, value, 1);
        int[] offsets = new int[siblingCount];
        Arrays.fill(offsets, sibling);
        int siblings = builder.createVectorOfTables(offsets);
        int body = GetReply.createGetReply(builder, true, siblings, 0, 0);
        return finish(builder, Envelope.createEnvelope(builder, requestId, 0, 0, Message.GetReply, body));
    }

    /** An error reply with a code this version does not define, as a newer peer could send. */
    static byte[] errorReplyWithCode(long requestId, int code) {
        FlatBufferBuilder builder = new FlatBufferBuilder();
        int message = builder.createString("from the future");
        int body = ErrorReply.createErrorReply(builder, code, message, true, 0, 0, 0);
        return finish(builder, Envelope.createEnvelope(builder, requestId, 0, 0, Message.ErrorReply, body));
    }

    /** An envelope with another file identifier. */
    static byte[] withIdentifier(String identifier) {
        FlatBufferBuilder builder = new FlatBufferBuilder();
        PingRequest.startPingRequest(builder);
        int body = PingRequest.endPingRequest(builder);
        builder.finish(Envelope.createEnvelope(builder, 5, 0, 0, Message.PingRequest, body), identifier);
        return builder.sizedByteArray();
    }

    /**
     * A gossip ACK2 with one endpoint state as the schema before the unreachable list wrote it: the now
     * deprecated heartbeat (slot 3) set, no unreachable list.
     */
    static byte[] gossipAck2WithDeprecatedHeartbeat(long requestId, long heartbeat) {
        FlatBufferBuilder builder = new FlatBufferBuilder();
        int nodeId = builder.createString("node-1");
        int host = builder.createString("10.0.0.1");
        builder.startTable(10);
        builder.addLong(9, 3L, 0L); // incarnation
        builder.addLong(3, heartbeat, 0L); // heartbeat, deprecated
        builder.addLong(2, 12L, 0L); // version
        builder.addLong(1, 1_700_000_000L, 0L); // generation
        builder.addOffset(4, host, 0);
        builder.addOffset(0, nodeId, 0);
        builder.addShort(6, (short) 8080, (short) 0); // http_port
        builder.addShort(5, (short) 7070, (short) 0); // binary_port
        builder.addByte(8, (byte) 1, (byte) 0); // status NORMAL
        int state = builder.endTable();
        int states = GossipAck2.createStatesVector(builder, new int[] {state});
        int body = GossipAck2.createGossipAck2(builder, states, 0);
        return finish(builder, Envelope.createEnvelope(builder, requestId, 0, 0, Message.GossipAck2, body));
    }

    private static byte[] finish(FlatBufferBuilder builder, int root) {
        builder.finish(root, ProtocolVersion.FILE_IDENTIFIER);
        return builder.sizedByteArray();
    }
}
