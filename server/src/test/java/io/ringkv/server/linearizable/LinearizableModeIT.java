package io.ringkv.server.linearizable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.ClientSibling;
import io.ringkv.protocol.message.DeleteReply;
import io.ringkv.protocol.message.DeleteRequest;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.PutReply;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.cli.BinaryConnection;
import io.ringkv.server.cluster.InJvmCluster;
import io.ringkv.server.node.RingKvNode;
import io.ringkv.server.storage.StorageKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LINEARIZABLE mode on a real 3-node cluster (N=3) over the binary protocol. */
class LinearizableModeIT {

    @TempDir
    static Path dataRoot;

    private static InJvmCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = InJvmCluster.start(3, dataRoot, Map.of());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void everyNodeSeesEveryOther() {
        cluster.awaitRing();
    }

    @Test
    void should_put_get_and_delete_a_linearizable_register_through_any_node() throws IOException {
        RingKvNode first = cluster.nodes().get(0);
        RingKvNode second = cluster.nodes().get(1);
        RingKvNode third = cluster.nodes().get(2);
        byte[] key = bytes("linearizable-round-trip");

        Message put = request(first, new PutRequest(key, bytes("v1"), new byte[0], 0, Consistency.LINEARIZABLE, 0));
        assertThat(put).isInstanceOf(PutReply.class);
        assertThat(((PutReply) put).context()).isEmpty();

        Message read = request(second, new GetRequest(key, 0, Consistency.LINEARIZABLE, 0));
        assertThat(read).isInstanceOf(GetReply.class);
        GetReply found = (GetReply) read;
        assertThat(found.found()).isTrue();
        assertThat(found.siblings()).containsExactly(new ClientSibling(bytes("v1"), 0));

        // The register is not the key's sibling set: the other modes do not see it.
        GetReply eventual = (GetReply) request(third, new GetRequest(key, 3, Consistency.EVENTUAL, 0));
        assertThat(eventual.found()).isFalse();
        StorageKey storageKey = storageKey(key);
        long holding = cluster.nodes().stream()
                .filter(node ->
                        node.linearizableRegisters().read(storageKey).join().present())
                .count();
        assertThat(holding).isGreaterThanOrEqualTo(2);
        cluster.nodes()
                .forEach(
                        node -> assertThat(node.replicaStore().read(storageKey)).isEmpty());

        assertThat(request(third, new DeleteRequest(key, new byte[0], 0, Consistency.LINEARIZABLE, 0)))
                .isInstanceOf(DeleteReply.class);
        GetReply deleted = (GetReply) request(first, new GetRequest(key, 0, Consistency.LINEARIZABLE, 0));
        assertThat(deleted.found()).isFalse();
        assertThat(deleted.siblings()).isEmpty();
    }

    @Test
    void should_refuse_linearizable_writes_in_a_minority_partition_but_accept_eventual_ones() throws IOException {
        RingKvNode isolated = cluster.nodes().get(0);
        RingKvNode majoritySide = cluster.nodes().get(1);
        byte[] key = bytes("linearizable-partitioned");
        Set<String> others =
                Set.of(cluster.nodes().get(1).nodeId(), cluster.nodes().get(2).nodeId());
        isolated.linkFilter().block(others);
        try {
            Message linearizable = request(
                    isolated, new PutRequest(key, bytes("minority"), new byte[0], 0, Consistency.LINEARIZABLE, 500));
            assertThat(linearizable).isInstanceOf(ErrorReply.class);
            assertThat(((ErrorReply) linearizable).code()).isIn(ErrorCode.UNAVAILABLE, ErrorCode.TIMEOUT);

            Message eventual =
                    request(isolated, new PutRequest(key, bytes("sloppy"), new byte[0], 1, Consistency.EVENTUAL, 500));
            assertThat(eventual).isInstanceOf(PutReply.class);

            // The other two nodes are a majority: the register stays available on their side.
            Message majority = request(
                    majoritySide, new PutRequest(key, bytes("majority"), new byte[0], 0, Consistency.LINEARIZABLE, 0));
            assertThat(majority).isInstanceOf(PutReply.class);
        } finally {
            isolated.linkFilter().heal();
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                values(request(isolated, new GetRequest(key, 0, Consistency.LINEARIZABLE, 0))))
                        .containsExactly("majority"));
    }

    private static String[] values(Message reply) {
        assertThat(reply).isInstanceOf(GetReply.class);
        return ((GetReply) reply)
                .siblings().stream()
                        .map(sibling -> new String(sibling.value(), StandardCharsets.UTF_8))
                        .toArray(String[]::new);
    }

    private static StorageKey storageKey(byte[] key) {
        RingSnapshot ring = cluster.ring();
        long token = ring.partitioner().token(key);
        return new StorageKey(ring.partitioner().partitionOf(token), token, key);
    }

    private static Message request(RingKvNode node, Message body) throws IOException {
        try (BinaryConnection connection =
                BinaryConnection.open("127.0.0.1", node.binaryPort(), Duration.ofSeconds(10))) {
            return connection.request(body);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
