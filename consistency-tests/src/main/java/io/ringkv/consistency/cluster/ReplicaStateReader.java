package io.ringkv.consistency.cluster;

import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSetCodec;
import io.ringkv.causal.Version;
import io.ringkv.consistency.checker.ReplicaState;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.ReplicaReadReply;
import io.ringkv.protocol.message.ReplicaReadRequest;
import io.ringkv.ring.RingSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what each replica of a key stores, straight from the replica: a replica read request (the one a
 * coordinator sends) to every node of the key's preference list. Unlike a client read, this neither
 * merges the replicas' answers nor triggers read repair, so it shows divergence exactly as it is.
 */
public final class ReplicaStateReader {

    private final LocalCluster cluster;
    private final Duration timeout;

    public ReplicaStateReader(LocalCluster cluster, Duration timeout) {
        this.cluster = cluster;
        this.timeout = timeout;
    }

    /**
     * For each key, the state of each of its replicas per the ring of the first node that answers.
     *
     * @throws IllegalStateException when no node serves its ring
     */
    public Map<String, List<ReplicaState>> read(List<String> keys) {
        RingView ring = currentRing()
                .orElseThrow(() -> new IllegalStateException("no node serves its ring; cannot find replicas"));
        RingSnapshot snapshot = ring.toSnapshot();
        Map<String, List<ReplicaState>> states = new LinkedHashMap<>();
        for (String key : keys) {
            byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
            ReplicaReadRequest request =
                    new ReplicaReadRequest(keyBytes, ring.partitionOf(keyBytes), ring.tokenOf(keyBytes));
            List<ReplicaState> replicas = new ArrayList<>();
            for (String replica : snapshot.preferenceListForKey(keyBytes)) {
                replicas.add(readReplica(cluster.node(replica), request));
            }
            states.put(key, replicas);
        }
        return states;
    }

    private Optional<RingView> currentRing() {
        for (NodeSpec node : cluster.nodes()) {
            Optional<RingView> ring = cluster.http().ring(node);
            if (ring.isPresent()) {
                return ring;
            }
        }
        return Optional.empty();
    }

    private ReplicaState readReplica(NodeSpec node, ReplicaReadRequest request) {
        try {
            Message reply = BinaryCall.request(node.host(), node.binaryPort(), request, timeout);
            if (reply instanceof ReplicaReadReply read) {
                return ReplicaState.read(node.id(), describe(read.siblingSet()));
            }
            if (reply instanceof ErrorReply error) {
                return ReplicaState.unreadable(node.id(), error.code() + ": " + error.message());
            }
            return ReplicaState.unreadable(node.id(), "unexpected reply " + reply.kind());
        } catch (IOException failure) {
            return ReplicaState.unreadable(node.id(), failure.toString());
        }
    }

    /** Each stored version as {@code dot=value} ({@code dot=<tombstone>} for a delete). */
    static List<String> describe(byte[] encodedSiblingSet) {
        if (encodedSiblingSet.length == 0) {
            return List.of();
        }
        SiblingSet set = SiblingSetCodec.decode(encodedSiblingSet);
        List<String> versions = new ArrayList<>();
        for (Version version : set.versions()) {
            versions.add(version.dot() + "="
                    + (version.tombstone() ? "<tombstone>" : new String(version.value(), StandardCharsets.UTF_8)));
        }
        return versions;
    }
}
