package io.ringkv.server.antientropy;

import static io.ringkv.server.antientropy.AntiEntropyIT.bytes;
import static io.ringkv.server.antientropy.AntiEntropyIT.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.causal.SiblingSet;
import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.message.DeleteReply;
import io.ringkv.protocol.message.DeleteRequest;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.PutReply;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.cluster.InJvmCluster;
import io.ringkv.server.node.RingKvNode;
import io.ringkv.server.storage.StorageKey;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delete while one replica is partitioned off (hints off, so only anti-entropy can tell it): after the
 * heal and an anti-entropy pass, the key reads as not found from every node. The tombstone wins over
 * the old value the returning replica still holds; the old value does not come back.
 */
class DeleteNoResurrectionIT {

    @TempDir
    Path dataRoot;

    private InJvmCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void should_not_resurrect_a_key_deleted_while_a_replica_was_away() throws Exception {
        cluster = InJvmCluster.start(3, dataRoot, AntiEntropyIT.settings());
        RingKvNode coordinator = cluster.node("n1");
        RingKvNode away = cluster.node("n3");
        byte[] key = bytes("doomed");
        assertThat(request(coordinator, new PutRequest(key, bytes("old"), new byte[0], 3, Consistency.DEFAULT, 0)))
                .isInstanceOf(PutReply.class);

        block(away);
        try {
            GetReply read = (GetReply) request(coordinator, new GetRequest(key, 2, Consistency.DEFAULT, 0));
            assertThat(request(coordinator, new DeleteRequest(key, read.context(), 2, Consistency.DEFAULT, 0)))
                    .isInstanceOf(DeleteReply.class);
        } finally {
            cluster.nodes().forEach(node -> node.linkFilter().heal());
        }
        cluster.awaitRing();
        assertThat(stored(away, key).isAbsent())
                .as("the replica that was away still holds the old value")
                .isFalse();

        // The returning replica drives the pass: it offers its old value to both peers.
        PassResult result = away.antiEntropy().runNow().get();

        assertThat(result.failedSessions()).isZero();
        assertThat(result.keysRepaired()).isPositive();
        for (RingKvNode node : cluster.nodes()) {
            assertThat(stored(node, key).isAbsent())
                    .as("stored on %s", node.nodeId())
                    .isTrue();
            GetReply reply = (GetReply) request(node, new GetRequest(key, 1, Consistency.DEFAULT, 0));
            assertThat(reply.found()).as("read from %s with R=1", node.nodeId()).isFalse();
        }
    }

    private void block(RingKvNode isolated) {
        for (RingKvNode node : cluster.nodes()) {
            if (node != isolated) {
                node.linkFilter().block(Set.of(isolated.nodeId()));
                isolated.linkFilter().block(Set.of(node.nodeId()));
            }
        }
    }

    private SiblingSet stored(RingKvNode node, byte[] key) {
        RingSnapshot ring = cluster.ring();
        long token = ring.partitioner().token(key);
        StorageKey storageKey = new StorageKey(ring.partitioner().partitionOf(token), token, key);
        return node.replicaStore().read(storageKey).orElseThrow();
    }
}
