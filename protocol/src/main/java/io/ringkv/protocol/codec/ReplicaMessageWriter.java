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
import java.util.List;

/**
 * Writes the node-to-node data messages (replica reads and writes, hints, the linearizable register's
 * phases, Merkle exchange, streaming) into FlatBuffers tables. Part of the mapping that
 * {@link MessageEncoder} drives; {@link ReplicaMessageReader} is its inverse.
 */
final class ReplicaMessageWriter {

    private ReplicaMessageWriter() {}

    static int replicaReadRequest(FlatWriter writer, ReplicaReadRequest message) {
        int key = writer.bytes(message.key());
        return io.ringkv.protocol.fbs.ReplicaReadRequest.createReplicaReadRequest(
                writer.builder, key, message.partition(), message.token());
    }

    static int replicaReadReply(FlatWriter writer, ReplicaReadReply message) {
        int siblingSet = writer.bytes(message.siblingSet());
        return io.ringkv.protocol.fbs.ReplicaReadReply.createReplicaReadReply(writer.builder, siblingSet);
    }

    static int replicaWriteRequest(FlatWriter writer, ReplicaWriteRequest message) {
        int key = writer.bytes(message.key());
        int siblingSet = writer.bytes(message.siblingSet());
        return io.ringkv.protocol.fbs.ReplicaWriteRequest.createReplicaWriteRequest(
                writer.builder, key, message.partition(), message.token(), siblingSet);
    }

    static int replicaWriteReply(FlatWriter writer, ReplicaWriteReply message) {
        int siblingSet = writer.bytes(message.siblingSet());
        return io.ringkv.protocol.fbs.ReplicaWriteReply.createReplicaWriteReply(writer.builder, siblingSet);
    }

    static int hintedWriteRequest(FlatWriter writer, HintedWriteRequest message) {
        int intendedOwner = writer.string(message.intendedOwner());
        int key = writer.bytes(message.key());
        int siblingSet = writer.bytes(message.siblingSet());
        return io.ringkv.protocol.fbs.HintedWriteRequest.createHintedWriteRequest(
                writer.builder, intendedOwner, key, message.partition(), message.token(), siblingSet);
    }

    static int hintReplayRequest(FlatWriter writer, HintReplayRequest message) {
        int fromNode = writer.string(message.fromNode());
        int key = writer.bytes(message.key());
        int siblingSet = writer.bytes(message.siblingSet());
        return io.ringkv.protocol.fbs.HintReplayRequest.createHintReplayRequest(
                writer.builder, fromNode, key, message.partition(), message.token(), siblingSet);
    }

    static int abdQueryRequest(FlatWriter writer, AbdQueryRequest message) {
        int key = writer.bytes(message.key());
        return io.ringkv.protocol.fbs.AbdQueryRequest.createAbdQueryRequest(
                writer.builder, key, message.partition(), message.token());
    }

    static int abdQueryReply(FlatWriter writer, AbdQueryReply message) {
        int tag = abdTag(writer, message.tag());
        int value = writer.bytes(message.value());
        return io.ringkv.protocol.fbs.AbdQueryReply.createAbdQueryReply(writer.builder, tag, value, message.present());
    }

    static int abdWriteRequest(FlatWriter writer, AbdWriteRequest message) {
        int key = writer.bytes(message.key());
        int tag = abdTag(writer, message.tag());
        int value = writer.bytes(message.value());
        return io.ringkv.protocol.fbs.AbdWriteRequest.createAbdWriteRequest(
                writer.builder, key, message.partition(), message.token(), tag, value, message.tombstone());
    }

    static int abdWriteReply(FlatWriter writer) {
        io.ringkv.protocol.fbs.AbdWriteReply.startAbdWriteReply(writer.builder);
        return io.ringkv.protocol.fbs.AbdWriteReply.endAbdWriteReply(writer.builder);
    }

    static int merkleRequest(FlatWriter writer, MerkleRequest message) {
        int nodeIndexes = writer.unsignedInts(message.nodeIndexes());
        return io.ringkv.protocol.fbs.MerkleRequest.createMerkleRequest(
                writer.builder, message.partition(), message.depth(), nodeIndexes);
    }

    static int merkleReply(FlatWriter writer, MerkleReply message) {
        List<MerkleHash> hashes = message.hashes();
        int[] hashOffsets = new int[hashes.size()];
        for (int i = 0; i < hashOffsets.length; i++) {
            MerkleHash hash = hashes.get(i);
            hashOffsets[i] =
                    io.ringkv.protocol.fbs.MerkleHash.createMerkleHash(writer.builder, hash.index(), hash.hash());
        }
        int hashVector = writer.tables(hashOffsets);
        return io.ringkv.protocol.fbs.MerkleReply.createMerkleReply(
                writer.builder, message.partition(), message.depth(), hashVector);
    }

    static int merkleLeafRequest(FlatWriter writer, MerkleLeafRequest message) {
        int leafIndexes = writer.unsignedInts(message.leafIndexes());
        return io.ringkv.protocol.fbs.MerkleLeafRequest.createMerkleLeafRequest(
                writer.builder, message.partition(), leafIndexes);
    }

    static int merkleLeafReply(FlatWriter writer, MerkleLeafReply message) {
        List<KeyHash> entries = message.entries();
        int[] entryOffsets = new int[entries.size()];
        for (int i = 0; i < entryOffsets.length; i++) {
            KeyHash entry = entries.get(i);
            int key = writer.bytes(entry.key());
            entryOffsets[i] = io.ringkv.protocol.fbs.KeyHash.createKeyHash(writer.builder, key, entry.hash());
        }
        int entryVector = writer.tables(entryOffsets);
        return io.ringkv.protocol.fbs.MerkleLeafReply.createMerkleLeafReply(
                writer.builder, message.partition(), entryVector);
    }

    static int streamRequest(FlatWriter writer, StreamRequest message) {
        int resumeAfterKey = writer.bytes(message.resumeAfterKey());
        return io.ringkv.protocol.fbs.StreamRequest.createStreamRequest(
                writer.builder, message.partition(), resumeAfterKey, message.maxBytes(), message.registers());
    }

    static int streamChunk(FlatWriter writer, StreamChunk message) {
        List<StreamEntry> entries = message.entries();
        int[] entryOffsets = new int[entries.size()];
        for (int i = 0; i < entryOffsets.length; i++) {
            StreamEntry entry = entries.get(i);
            int key = writer.bytes(entry.key());
            int value = writer.bytes(entry.value());
            entryOffsets[i] =
                    io.ringkv.protocol.fbs.StreamEntry.createStreamEntry(writer.builder, key, entry.token(), value);
        }
        int entryVector = writer.tables(entryOffsets);
        int lastKey = writer.bytes(message.lastKey());
        return io.ringkv.protocol.fbs.StreamChunk.createStreamChunk(
                writer.builder, message.partition(), entryVector, lastKey, message.done(), message.registers());
    }

    private static int abdTag(FlatWriter writer, AbdTag tag) {
        int tagWriter = writer.string(tag.writer());
        return io.ringkv.protocol.fbs.AbdTag.createAbdTag(writer.builder, tag.counter(), tagWriter);
    }
}
