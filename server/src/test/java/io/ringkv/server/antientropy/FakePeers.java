package io.ringkv.server.antientropy;

import io.ringkv.causal.SiblingSetCodec;
import io.ringkv.protocol.message.MerkleLeafRequest;
import io.ringkv.protocol.message.MerkleRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.MessageKind;
import io.ringkv.protocol.message.ReplicaReadReply;
import io.ringkv.protocol.message.ReplicaReadRequest;
import io.ringkv.protocol.message.ReplicaWriteReply;
import io.ringkv.protocol.message.ReplicaWriteRequest;
import io.ringkv.protocol.message.TraceContext;
import io.ringkv.server.membership.PeerAddress;
import io.ringkv.server.node.PeerMessenger;
import io.ringkv.server.storage.StorageKey;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A {@link PeerMessenger} that delivers each request straight to the named in-process replica's handler
 * or store, in the caller's thread, and counts requests by kind.
 */
final class FakePeers implements PeerMessenger {

    private final Map<String, TestReplica> replicas = new HashMap<>();
    private final Map<MessageKind, Integer> requests = new EnumMap<>(MessageKind.class);

    FakePeers add(TestReplica replica) {
        replicas.put(replica.nodeId, replica);
        return this;
    }

    int requests(MessageKind kind) {
        return requests.getOrDefault(kind, 0);
    }

    static PeerAddress addressOf(String nodeId) {
        return new PeerAddress("127.0.0.1", 1 + Math.abs(nodeId.hashCode() % 60_000));
    }

    @Override
    public CompletionStage<Message> request(
            String peerNodeId, PeerAddress address, Message body, TraceContext trace, long timeoutMillis) {
        requests.merge(body.kind(), 1, Integer::sum);
        TestReplica peer = replicas.get(peerNodeId);
        Message reply = switch (body.kind()) {
            case MERKLE_REQUEST -> peer.handler.hashes((MerkleRequest) body);
            case MERKLE_LEAF_REQUEST -> peer.handler.leaves((MerkleLeafRequest) body);
            case REPLICA_READ_REQUEST -> {
                ReplicaReadRequest read = (ReplicaReadRequest) body;
                StorageKey key = new StorageKey(read.partition(), read.token(), read.key());
                yield new ReplicaReadReply(
                        peer.store.read(key).map(SiblingSetCodec::encode).orElse(new byte[0]));
            }
            case REPLICA_WRITE_REQUEST -> {
                ReplicaWriteRequest write = (ReplicaWriteRequest) body;
                StorageKey key = new StorageKey(write.partition(), write.token(), write.key());
                peer.store
                        .apply(key, SiblingSetCodec.decode(write.siblingSet()))
                        .join();
                yield new ReplicaWriteReply(new byte[0]);
            }
            default -> throw new IllegalArgumentException("unexpected request " + body.kind());
        };
        return CompletableFuture.completedFuture(reply);
    }
}
