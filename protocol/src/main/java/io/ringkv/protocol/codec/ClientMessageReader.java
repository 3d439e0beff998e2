package io.ringkv.protocol.codec;

import io.ringkv.protocol.ErrorCode;
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
import java.util.Arrays;

/**
 * Reads the client-facing messages out of FlatBuffers tables into records, copying every field and
 * enforcing the key, value and sibling limits. Inverse of {@link ClientMessageWriter}; driven by
 * {@link MessageDecoder}, which turns the runtime exceptions a corrupt buffer provokes into
 * {@link io.ringkv.protocol.ProtocolException}s.
 */
final class ClientMessageReader {

    private ClientMessageReader() {}

    static GetRequest getRequest(FlatReader reader, io.ringkv.protocol.fbs.GetRequest table) {
        return new GetRequest(
                reader.key(table.keyAsByteBuffer(), table.keyLength(), "key"),
                table.r(),
                reader.consistency(table.consistency()),
                table.timeoutMillis(),
                table.forwarded());
    }

    static GetReply getReply(FlatReader reader, io.ringkv.protocol.fbs.GetReply table) {
        int count = reader.listLength(
                table.siblingsLength(),
                reader.limits.maxSiblings(),
                ErrorCode.TOO_MANY_SIBLINGS,
                FlatReader.TABLE_ELEMENT_BYTES,
                "siblings");
        ClientSibling[] siblings = new ClientSibling[count];
        io.ringkv.protocol.fbs.ClientSibling sibling = new io.ringkv.protocol.fbs.ClientSibling();
        for (int i = 0; i < count; i++) {
            table.siblings(sibling, i);
            siblings[i] = new ClientSibling(
                    reader.value(sibling.valueAsByteBuffer(), sibling.valueLength(), "siblings.value"),
                    sibling.wallClockMillis());
        }
        return new GetReply(
                table.found(),
                Arrays.asList(siblings),
                reader.opaque(table.contextAsByteBuffer(), table.contextLength(), "context"),
                reader.string(table.coordinator(), "coordinator"));
    }

    static PutRequest putRequest(FlatReader reader, io.ringkv.protocol.fbs.PutRequest table) {
        return new PutRequest(
                reader.key(table.keyAsByteBuffer(), table.keyLength(), "key"),
                reader.value(table.valueAsByteBuffer(), table.valueLength(), "value"),
                reader.opaque(table.contextAsByteBuffer(), table.contextLength(), "context"),
                table.w(),
                reader.consistency(table.consistency()),
                table.timeoutMillis(),
                table.forwarded());
    }

    static PutReply putReply(FlatReader reader, io.ringkv.protocol.fbs.PutReply table) {
        return new PutReply(
                reader.opaque(table.contextAsByteBuffer(), table.contextLength(), "context"),
                reader.string(table.coordinator(), "coordinator"));
    }

    static DeleteRequest deleteRequest(FlatReader reader, io.ringkv.protocol.fbs.DeleteRequest table) {
        return new DeleteRequest(
                reader.key(table.keyAsByteBuffer(), table.keyLength(), "key"),
                reader.opaque(table.contextAsByteBuffer(), table.contextLength(), "context"),
                table.w(),
                reader.consistency(table.consistency()),
                table.timeoutMillis(),
                table.forwarded());
    }

    static DeleteReply deleteReply(FlatReader reader, io.ringkv.protocol.fbs.DeleteReply table) {
        return new DeleteReply(
                reader.opaque(table.contextAsByteBuffer(), table.contextLength(), "context"),
                reader.string(table.coordinator(), "coordinator"));
    }

    static ErrorReply errorReply(FlatReader reader, io.ringkv.protocol.fbs.ErrorReply table) {
        int count = reader.listLength(table.replicaErrorsLength(), FlatReader.TABLE_ELEMENT_BYTES, "replica_errors");
        ReplicaError[] errors = new ReplicaError[count];
        io.ringkv.protocol.fbs.ReplicaError error = new io.ringkv.protocol.fbs.ReplicaError();
        for (int i = 0; i < count; i++) {
            table.replicaErrors(error, i);
            errors[i] = new ReplicaError(
                    reader.string(error.nodeId(), "replica_errors.node_id"),
                    reader.errorCode(error.code()),
                    reader.string(error.message(), "replica_errors.message"));
        }
        return new ErrorReply(
                reader.errorCode(table.code()),
                reader.string(table.message(), "message"),
                table.definite(),
                table.acksReceived(),
                table.acksRequired(),
                Arrays.asList(errors));
    }

    static RingSnapshotReply ringSnapshotReply(FlatReader reader, io.ringkv.protocol.fbs.RingSnapshotReply table) {
        int count = reader.listLength(table.nodesLength(), FlatReader.TABLE_ELEMENT_BYTES, "nodes");
        NodeEntry[] nodes = new NodeEntry[count];
        io.ringkv.protocol.fbs.NodeEntry node = new io.ringkv.protocol.fbs.NodeEntry();
        for (int i = 0; i < count; i++) {
            table.nodes(node, i);
            nodes[i] = new NodeEntry(
                    reader.string(node.nodeId(), "nodes.node_id"),
                    reader.string(node.host(), "nodes.host"),
                    node.binaryPort(),
                    node.httpPort(),
                    reader.string(node.rack(), "nodes.rack"),
                    reader.nodeStatus(node.status()),
                    node.alive());
        }
        return new RingSnapshotReply(
                table.version(),
                reader.index(table.partitionCount(), "partition_count"),
                table.replicationFactor(),
                Arrays.asList(nodes),
                reader.unsignedShorts(table.ownersAsByteBuffer(), table.ownersLength(), "owners"));
    }

    static AdminRequest adminRequest(FlatReader reader, io.ringkv.protocol.fbs.AdminRequest table) {
        return new AdminRequest(reader.adminCommand(table.command()), reader.string(table.argument(), "argument"));
    }

    static AdminReply adminReply(FlatReader reader, io.ringkv.protocol.fbs.AdminReply table) {
        return new AdminReply(reader.string(table.bodyJson(), "body_json"));
    }

    static PingReply pingReply(FlatReader reader, io.ringkv.protocol.fbs.PingReply table) {
        return new PingReply(reader.string(table.nodeId(), "node_id"));
    }
}
