package io.ringkv.protocol.codec;

import io.ringkv.protocol.message.AbdQueryReply;
import io.ringkv.protocol.message.AbdQueryRequest;
import io.ringkv.protocol.message.AbdTag;
import io.ringkv.protocol.message.AbdWriteRequest;
import io.ringkv.protocol.message.HintReplayRequest;
import io.ringkv.protocol.message.HintedWriteRequest;
import io.ringkv.protocol.message.KeyHash;
import io.ringkv.protocol.message.MerkleHash;
import io.ringkv.protocol.message.MerkleLeafReply;
import io.ringkv.protocol.message.MerkleLeafRequest;
import io.ringkv.protocol.message.MerkleReply;
import io.ringkv.protocol.message.MerkleRequest;
import io.ringkv.protocol.message.ReplicaReadReply;
import io.ringkv.protocol.message.ReplicaReadRequest;
import io.ringkv.protocol.message.ReplicaWriteReply;
import io.ringkv.protocol.message.ReplicaWriteRequest;
import io.ringkv.protocol.message.StreamChunk;
import io.ringkv.protocol.message.StreamEntry;
import io.ringkv.protocol.message.StreamRequest;
import java.util.Arrays;

/**
 * Reads the node-to-node data messages out of FlatBuffers tables into records. Sibling sets stay opaque
 * bytes (bounded by the frame size); keys and register values are limit-checked. Inverse of
 * {@link ReplicaMessageWriter}; driven by {@link MessageDecoder}.
 */
final class ReplicaMessageReader {

    private ReplicaMessageReader() {}

    static ReplicaReadRequest replicaReadRequest(FlatReader reader, io.ringkv.protocol.fbs.ReplicaReadRequest table) {
        return new ReplicaReadRequest(
                reader.key(table.keyAsByteBuffer(), table.keyLength(), "key"),
                reader.index(table.partition(), "partition"),
                table.token());
    }

    static ReplicaReadReply replicaReadReply(FlatReader reader, io.ringkv.protocol.fbs.ReplicaReadReply table) {
        return new ReplicaReadReply(
                reader.opaque(table.siblingSetAsByteBuffer(), table.siblingSetLength(), "sibling_set"));
    }

    static ReplicaWriteRequest replicaWriteRequest(
            FlatReader reader, io.ringkv.protocol.fbs.ReplicaWriteRequest table) {
        return new ReplicaWriteRequest(
                reader.key(table.keyAsByteBuffer(), table.keyLength(), "key"),
                reader.index(table.partition(), "partition"),
                table.token(),
                reader.opaque(table.siblingSetAsByteBuffer(), table.siblingSetLength(), "sibling_set"));
    }

    static ReplicaWriteReply replicaWriteReply(FlatReader reader, io.ringkv.protocol.fbs.ReplicaWriteReply table) {
        return new ReplicaWriteReply(
                reader.opaque(table.siblingSetAsByteBuffer(), table.siblingSetLength(), "sibling_set"));
    }

    static HintedWriteRequest hintedWriteRequest(FlatReader reader, io.ringkv.protocol.fbs.HintedWriteRequest table) {
        return new HintedWriteRequest(
                reader.string(table.intendedOwner(), "intended_owner"),
                reader.key(table.keyAsByteBuffer(), table.keyLength(), "key"),
                reader.index(table.partition(), "partition"),
                table.token(),
                reader.opaque(table.siblingSetAsByteBuffer(), table.siblingSetLength(), "sibling_set"));
    }

    static HintReplayRequest hintReplayRequest(FlatReader reader, io.ringkv.protocol.fbs.HintReplayRequest table) {
        return new HintReplayRequest(
                reader.string(table.fromNode(), "from_node"),
                reader.key(table.keyAsByteBuffer(), table.keyLength(), "key"),
                reader.index(table.partition(), "partition"),
                table.token(),
                reader.opaque(table.siblingSetAsByteBuffer(), table.siblingSetLength(), "sibling_set"));
    }

    static AbdQueryRequest abdQueryRequest(FlatReader reader, io.ringkv.protocol.fbs.AbdQueryRequest table) {
        return new AbdQueryRequest(
                reader.key(table.keyAsByteBuffer(), table.keyLength(), "key"),
                reader.index(table.partition(), "partition"),
                table.token());
    }

    static AbdQueryReply abdQueryReply(FlatReader reader, io.ringkv.protocol.fbs.AbdQueryReply table) {
        return new AbdQueryReply(
                abdTag(reader, table.tag()),
                reader.value(table.valueAsByteBuffer(), table.valueLength(), "value"),
                table.present());
    }

    static AbdWriteRequest abdWriteRequest(FlatReader reader, io.ringkv.protocol.fbs.AbdWriteRequest table) {
        return new AbdWriteRequest(
                reader.key(table.keyAsByteBuffer(), table.keyLength(), "key"),
                reader.index(table.partition(), "partition"),
                table.token(),
                abdTag(reader, table.tag()),
                reader.value(table.valueAsByteBuffer(), table.valueLength(), "value"),
                table.tombstone());
    }

    static MerkleRequest merkleRequest(FlatReader reader, io.ringkv.protocol.fbs.MerkleRequest table) {
        return new MerkleRequest(
                reader.index(table.partition(), "partition"),
                table.depth(),
                reader.indexes(table.nodeIndexesAsByteBuffer(), table.nodeIndexesLength(), "node_indexes"));
    }

    static MerkleReply merkleReply(FlatReader reader, io.ringkv.protocol.fbs.MerkleReply table) {
        int count = reader.listLength(table.hashesLength(), FlatReader.TABLE_ELEMENT_BYTES, "hashes");
        MerkleHash[] hashes = new MerkleHash[count];
        io.ringkv.protocol.fbs.MerkleHash hash = new io.ringkv.protocol.fbs.MerkleHash();
        for (int i = 0; i < count; i++) {
            table.hashes(hash, i);
            hashes[i] = new MerkleHash(reader.index(hash.index(), "hashes.index"), hash.hash());
        }
        return new MerkleReply(reader.index(table.partition(), "partition"), table.depth(), Arrays.asList(hashes));
    }

    static MerkleLeafRequest merkleLeafRequest(FlatReader reader, io.ringkv.protocol.fbs.MerkleLeafRequest table) {
        return new MerkleLeafRequest(
                reader.index(table.partition(), "partition"),
                reader.indexes(table.leafIndexesAsByteBuffer(), table.leafIndexesLength(), "leaf_indexes"));
    }

    static MerkleLeafReply merkleLeafReply(FlatReader reader, io.ringkv.protocol.fbs.MerkleLeafReply table) {
        int count = reader.listLength(table.entriesLength(), FlatReader.TABLE_ELEMENT_BYTES, "entries");
        KeyHash[] entries = new KeyHash[count];
        io.ringkv.protocol.fbs.KeyHash entry = new io.ringkv.protocol.fbs.KeyHash();
        for (int i = 0; i < count; i++) {
            table.entries(entry, i);
            entries[i] =
                    new KeyHash(reader.key(entry.keyAsByteBuffer(), entry.keyLength(), "entries.key"), entry.hash());
        }
        return new MerkleLeafReply(reader.index(table.partition(), "partition"), Arrays.asList(entries));
    }

    static StreamRequest streamRequest(FlatReader reader, io.ringkv.protocol.fbs.StreamRequest table) {
        return new StreamRequest(
                reader.index(table.partition(), "partition"),
                reader.key(table.resumeAfterKeyAsByteBuffer(), table.resumeAfterKeyLength(), "resume_after_key"),
                table.maxBytes(),
                table.registers());
    }

    static StreamChunk streamChunk(FlatReader reader, io.ringkv.protocol.fbs.StreamChunk table) {
        int count = reader.listLength(table.entriesLength(), FlatReader.TABLE_ELEMENT_BYTES, "entries");
        StreamEntry[] entries = new StreamEntry[count];
        io.ringkv.protocol.fbs.StreamEntry entry = new io.ringkv.protocol.fbs.StreamEntry();
        for (int i = 0; i < count; i++) {
            table.entries(entry, i);
            entries[i] = new StreamEntry(
                    reader.key(entry.keyAsByteBuffer(), entry.keyLength(), "entries.key"),
                    entry.token(),
                    reader.opaque(entry.valueAsByteBuffer(), entry.valueLength(), "entries.value"));
        }
        return new StreamChunk(
                reader.index(table.partition(), "partition"),
                Arrays.asList(entries),
                reader.key(table.lastKeyAsByteBuffer(), table.lastKeyLength(), "last_key"),
                table.done(),
                table.registers());
    }

    /** An absent tag reads as {@link AbdTag#ZERO}. */
    private static AbdTag abdTag(FlatReader reader, io.ringkv.protocol.fbs.AbdTag table) {
        if (table == null) {
            return AbdTag.ZERO;
        }
        return new AbdTag(table.counter(), reader.string(table.writer(), "tag.writer"));
    }
}
