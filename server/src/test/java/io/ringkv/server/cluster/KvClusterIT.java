package io.ringkv.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.ClientSibling;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.PutReply;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.cli.BinaryConnection;
import io.ringkv.server.node.RingKvNode;
import io.ringkv.server.storage.StorageKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 3-node cluster (N=3) in one JVM: quorum reads and writes, siblings, read repair, over both APIs. */
class KvClusterIT {

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

    @Test
    void should_read_every_acknowledged_write_with_every_R_and_W() throws IOException {
        for (int w = 1; w <= 3; w++) {
            for (int r = 1; r <= 3; r++) {
                byte[] key = ("quorum-" + w + "-" + r).getBytes(StandardCharsets.UTF_8);
                byte[] value = ("value " + w + r).getBytes(StandardCharsets.UTF_8);
                RingKvNode writer = cluster.nodes().get(w - 1);
                RingKvNode reader = cluster.nodes().get(r - 1);
                assertThat(request(writer, new PutRequest(key, value, new byte[0], w, Consistency.DEFAULT, 0)))
                        .isInstanceOf(PutReply.class);
                // R + W > N guarantees the read sees the write; with R + W <= N the replicas may still be
                // catching up, so those combinations wait for the write to reach every replica first.
                if (r + w <= 3) {
                    awaitOnAllReplicas(key);
                }
                Message reply = request(reader, new GetRequest(key, r, Consistency.DEFAULT, 0));
                assertThat(reply).isInstanceOf(GetReply.class);
                assertThat(values((GetReply) reply)).containsExactly(new String(value, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void should_keep_concurrent_blind_writes_as_siblings_and_merge_them_with_the_context() throws IOException {
        byte[] key = "cart".getBytes(StandardCharsets.UTF_8);
        RingKvNode first = cluster.nodes().get(0);
        RingKvNode second = cluster.nodes().get(1);
        request(first, new PutRequest(key, bytes("apple"), new byte[0], 2, Consistency.DEFAULT, 0));
        request(second, new PutRequest(key, bytes("pear"), new byte[0], 2, Consistency.DEFAULT, 0));

        GetReply siblings = (GetReply) request(first, new GetRequest(key, 3, Consistency.DEFAULT, 0));
        assertThat(values(siblings)).containsExactlyInAnyOrder("apple", "pear");

        request(second, new PutRequest(key, bytes("apple+pear"), siblings.context(), 2, Consistency.DEFAULT, 0));
        GetReply merged = (GetReply) request(first, new GetRequest(key, 3, Consistency.DEFAULT, 0));
        assertThat(values(merged)).containsExactly("apple+pear");
    }

    @Test
    void should_keep_two_writes_with_the_same_context_through_the_same_coordinator() throws IOException {
        RingKvNode coordinator = cluster.nodes().get(0);
        byte[] key = bytes("lost-update");
        PutReply first = (PutReply)
                request(coordinator, new PutRequest(key, bytes("v0"), new byte[0], 2, Consistency.DEFAULT, 0));
        byte[] sharedContext = first.context();

        // Two clients read v0 and both write back with that same context through the same node.
        request(coordinator, new PutRequest(key, bytes("alice"), sharedContext, 2, Consistency.DEFAULT, 0));
        request(coordinator, new PutRequest(key, bytes("bob"), sharedContext, 2, Consistency.DEFAULT, 0));
        GetReply both = (GetReply) request(coordinator, new GetRequest(key, 2, Consistency.DEFAULT, 0));
        assertThat(values(both)).containsExactlyInAnyOrder("alice", "bob");

        request(coordinator, new PutRequest(key, bytes("alice+bob"), both.context(), 2, Consistency.DEFAULT, 0));
        GetReply resolved = (GetReply) request(coordinator, new GetRequest(key, 2, Consistency.DEFAULT, 0));
        assertThat(values(resolved)).containsExactly("alice+bob");
    }

    @Test
    void should_answer_300_with_every_sibling_over_http() throws Exception {
        RingKvNode node = cluster.nodes().get(2);
        HttpClient http = HttpClient.newHttpClient();
        for (String value : List.of("red", "blue")) {
            HttpResponse<String> put = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/kv/colour"))
                            .header("Content-Type", "application/json")
                            .header("W", "2")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"" + value + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        }
        HttpResponse<String> get = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/kv/colour"))
                        .header("R", "2")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(300);
        assertThat(get.body()).contains("\"red\"", "\"blue\"", "\"context\"");
        assertThat(get.headers().firstValue("X-RingKV-Coordinator")).isPresent();
    }

    @Test
    void should_repair_a_replica_that_missed_a_write() throws IOException {
        RingKvNode coordinator = cluster.nodes().get(0);
        RingKvNode lagging = cluster.nodes().get(2);
        byte[] key = bytes("repair-me");
        coordinator.linkFilter().block(Set.of(lagging.nodeId()));
        try {
            Message put =
                    request(coordinator, new PutRequest(key, bytes("fresh"), new byte[0], 2, Consistency.DEFAULT, 0));
            assertThat(put).isInstanceOf(PutReply.class);
        } finally {
            coordinator.linkFilter().heal();
        }
        StorageKey storageKey = storageKey(key);
        assertThat(lagging.replicaStore().read(storageKey)).isEmpty();

        GetReply read = (GetReply) request(coordinator, new GetRequest(key, 3, Consistency.DEFAULT, 0));
        assertThat(values(read)).containsExactly("fresh");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> lagging.replicaStore()
                        .read(storageKey)
                        .map(set -> !set.liveVersions().isEmpty())
                        .orElse(false));
        assertThat(cluster.node(coordinator.nodeId()).metrics().snapshot().get("read_repairs"))
                .isPositive();
    }

    @Test
    void should_refuse_a_strict_write_when_replicas_are_unreachable() throws IOException {
        RingKvNode coordinator = cluster.nodes().get(1);
        Set<String> others =
                Set.of(cluster.nodes().get(0).nodeId(), cluster.nodes().get(2).nodeId());
        coordinator.linkFilter().block(others);
        try {
            Message reply = request(
                    coordinator, new PutRequest(bytes("strict"), bytes("v"), new byte[0], 3, Consistency.STRICT, 300));
            assertThat(reply).isInstanceOf(ErrorReply.class);
            assertThat(((ErrorReply) reply).code()).isIn(ErrorCode.TIMEOUT, ErrorCode.UNAVAILABLE);
        } finally {
            coordinator.linkFilter().heal();
        }
    }

    private static void awaitOnAllReplicas(byte[] key) {
        StorageKey storageKey = storageKey(key);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> cluster.nodes().stream()
                        .allMatch(node -> node.replicaStore().read(storageKey).isPresent()));
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

    private static List<String> values(GetReply reply) {
        return reply.siblings().stream()
                .map(ClientSibling::value)
                .map(value -> new String(value, StandardCharsets.UTF_8))
                .toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
