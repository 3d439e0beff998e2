package io.ringkv.protocol.codec;

import io.ringkv.protocol.message.AdminReply;
import io.ringkv.protocol.message.AdminRequest;
import io.ringkv.protocol.message.ClientSibling;
import io.ringkv.protocol.message.DeleteReply;
import io.ringkv.protocol.message.DeleteRequest;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.NodeEntry;
import io.ringkv.protocol.message.PingReply;
import io.ringkv.protocol.message.PutReply;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.protocol.message.ReplicaError;
import io.ringkv.protocol.message.RingSnapshotReply;
import java.util.List;

/**
 * Writes the client-facing messages (get, put, delete, errors, ring snapshots, admin, ping) into
 * FlatBuffers tables. One method per kind; each returns the table's offset. Part of the mapping that
 * {@link MessageEncoder} drives; {@link ClientMessageReader} is its inverse.
 */
final class ClientMessageWriter {

    private ClientMessageWriter() {}

    static int getRequest(FlatWriter writer, GetRequest message) {
        int key = writer.bytes(message.key());
        return io.ringkv.protocol.fbs.GetRequest.createGetRequest(
                writer.builder,
                key,
                message.r(),
                message.consistency().wireValue(),
                message.timeoutMillis(),
                message.forwarded());
    }

    static int getReply(FlatWriter writer, GetReply message) {
        List<ClientSibling> siblings = message.siblings();
        int[] siblingOffsets = new int[siblings.size()];
        for (int i = 0; i < siblingOffsets.length; i++) {
            ClientSibling sibling = siblings.get(i);
            int value = writer.bytes(sibling.value());
            siblingOffsets[i] = io.ringkv.protocol.fbs.ClientSibling.createClientSibling(
                    writer.builder, value, sibling.wallClockMillis());
        }
        int siblingVector = writer.tables(siblingOffsets);
        int context = writer.bytes(message.context());
        int coordinator = writer.string(message.coordinator());
        return io.ringkv.protocol.fbs.GetReply.createGetReply(
                writer.builder, message.found(), siblingVector, context, coordinator);
    }

    static int putRequest(FlatWriter writer, PutRequest message) {
        int key = writer.bytes(message.key());
        int value = writer.bytes(message.value());
        int context = writer.bytes(message.context());
        return io.ringkv.protocol.fbs.PutRequest.createPutRequest(
                writer.builder,
                key,
                value,
                context,
                message.w(),
                message.consistency().wireValue(),
                message.timeoutMillis(),
                message.forwarded());
    }

    static int putReply(FlatWriter writer, PutReply message) {
        int context = writer.bytes(message.context());
        int coordinator = writer.string(message.coordinator());
        return io.ringkv.protocol.fbs.PutReply.createPutReply(writer.builder, context, coordinator);
    }

    static int deleteRequest(FlatWriter writer, DeleteRequest message) {
        int key = writer.bytes(message.key());
        int context = writer.bytes(message.context());
        return io.ringkv.protocol.fbs.DeleteRequest.createDeleteRequest(
                writer.builder,
                key,
                context,
                message.w(),
                message.consistency().wireValue(),
                message.timeoutMillis(),
                message.forwarded());
    }

    static int deleteReply(FlatWriter writer, DeleteReply message) {
        int context = writer.bytes(message.context());
        int coordinator = writer.string(message.coordinator());
        return io.ringkv.protocol.fbs.DeleteReply.createDeleteReply(writer.builder, context, coordinator);
    }

    static int errorReply(FlatWriter writer, ErrorReply message) {
        List<ReplicaError> errors = message.replicaErrors();
        int[] errorOffsets = new int[errors.size()];
        for (int i = 0; i < errorOffsets.length; i++) {
            ReplicaError error = errors.get(i);
            int nodeId = writer.string(error.nodeId());
            int text = writer.string(error.message());
            errorOffsets[i] = io.ringkv.protocol.fbs.ReplicaError.createReplicaError(
                    writer.builder, nodeId, error.code().wireValue(), text);
        }
        int errorVector = writer.tables(errorOffsets);
        int text = writer.string(message.message());
        return io.ringkv.protocol.fbs.ErrorReply.createErrorReply(
                writer.builder,
                message.code().wireValue(),
                text,
                message.definite(),
                message.acksReceived(),
                message.acksRequired(),
                errorVector);
    }

    static int ringSnapshotRequest(FlatWriter writer) {
        io.ringkv.protocol.fbs.RingSnapshotRequest.startRingSnapshotRequest(writer.builder);
        return io.ringkv.protocol.fbs.RingSnapshotRequest.endRingSnapshotRequest(writer.builder);
    }

    static int ringSnapshotReply(FlatWriter writer, RingSnapshotReply message) {
        List<NodeEntry> nodes = message.nodes();
        int[] nodeOffsets = new int[nodes.size()];
        for (int i = 0; i < nodeOffsets.length; i++) {
            NodeEntry node = nodes.get(i);
            int nodeId = writer.string(node.nodeId());
            int host = writer.string(node.host());
            int rack = writer.string(node.rack());
            nodeOffsets[i] = io.ringkv.protocol.fbs.NodeEntry.createNodeEntry(
                    writer.builder,
                    nodeId,
                    host,
                    node.binaryPort(),
                    node.httpPort(),
                    rack,
                    node.status().wireValue(),
                    node.alive());
        }
        int nodeVector = writer.tables(nodeOffsets);
        int owners = writer.unsignedShorts(message.owners());
        return io.ringkv.protocol.fbs.RingSnapshotReply.createRingSnapshotReply(
                writer.builder,
                message.version(),
                message.partitionCount(),
                message.replicationFactor(),
                nodeVector,
                owners);
    }

    static int adminRequest(FlatWriter writer, AdminRequest message) {
        int argument = writer.string(message.argument());
        return io.ringkv.protocol.fbs.AdminRequest.createAdminRequest(
                writer.builder, message.command().wireValue(), argument);
    }

    static int adminReply(FlatWriter writer, AdminReply message) {
        int body = writer.string(message.bodyJson());
        return io.ringkv.protocol.fbs.AdminReply.createAdminReply(writer.builder, body);
    }

    static int pingRequest(FlatWriter writer) {
        io.ringkv.protocol.fbs.PingRequest.startPingRequest(writer.builder);
        return io.ringkv.protocol.fbs.PingRequest.endPingRequest(writer.builder);
    }

    static int pingReply(FlatWriter writer, PingReply message) {
        int nodeId = writer.string(message.nodeId());
        return io.ringkv.protocol.fbs.PingReply.createPingReply(writer.builder, nodeId);
    }
}
