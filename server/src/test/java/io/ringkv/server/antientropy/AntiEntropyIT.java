package io.ringkv.server.antientropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringkv.protocol.AdminCommand;
import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.message.AdminReply;
import io.ringkv.protocol.message.AdminRequest;
import io.ringkv.protocol.message.ClientSibling;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes, N = 3, hints off: one replica is cut off while k keys are written with W = 1; after the
 * partition heals, one REPAIR makes every replica's Merkle roots equal, and exactly the k diverged keys
 * crossed the wire, not the whole data set.
 */
class AntiEntropyIT {

    private static final int BASE_KEYS = 1_000;
    private static final int DIVERGED_KEYS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void should_converge_after_one_repair_transferring_only_the_diverged_keys() throws IOException {
        long startedAt = System.nanoTime();
        cluster = InJvmCluster.start(3, dataRoot, settings());
        System.out.printf("cluster up after %d ms%n", (System.nanoTime() - startedAt) / 1_000_000);
        RingKvNode writer = cluster.node("n1");
        RingKvNode peer = cluster.node("n2");
        RingKvNode isolated = cluster.node("n3");
        try (BinaryConnection connection = connect(writer)) {
            for (int i = 0; i < BASE_KEYS; i++) {
                assertThat(connection.request(put("base-" + i, "v0", new byte[0], 3)))
                        .isInstanceOf(PutReply.class);
            }
        }

        System.out.printf("base data set written after %d ms%n", (System.nanoTime() - startedAt) / 1_000_000);
        partition(isolated);
        List<String> diverged = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        try (BinaryConnection connection = connect(writer)) {
            for (int i = 0; i < DIVERGED_KEYS; i++) {
                // Half overwrite base keys, half are new keys.
                String key = i % 2 == 0 ? "base-" + random.nextInt(BASE_KEYS) : "new-" + i;
                if (diverged.contains(key)) {
                    key = "new-" + i;
                }
                diverged.add(key);
                // Overwrite with the read context, so v1 supersedes v0 instead of becoming its sibling.
                GetReply current = (GetReply) connection.request(new GetRequest(bytes(key), 1, Consistency.DEFAULT, 0));
                assertThat(connection.request(put(key, "v1", current.context(), 1)))
                        .isInstanceOf(PutReply.class);
            }
            // W = 1 also sends to n2; wait until it has every write, so only n3 differs.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> diverged.stream().allMatch(key -> holds(peer, key, "v1")));
            assertThat(diverged).noneMatch(key -> holds(isolated, key, "v1"));
        } finally {
            heal();
        }
        long healedAt = System.nanoTime();
        System.out.printf("diverged and healed after %d ms%n", (healedAt - startedAt) / 1_000_000);
        cluster.awaitRing();
        System.out.printf("all alive again %d ms after the heal%n", (System.nanoTime() - healedAt) / 1_000_000);

        JsonNode repair = JSON.readTree(admin(writer, AdminCommand.REPAIR));
        await().atMost(Duration.ofSeconds(30)).until(this::rootsAgree);
        long convergedMillis = (System.nanoTime() - healedAt) / 1_000_000;
        System.out.printf(
                "converged %d ms after the heal; repair: %s; %d of %d keys had diverged%n",
                convergedMillis, repair, DIVERGED_KEYS, BASE_KEYS + DIVERGED_KEYS / 2);

        assertThat(repair.path("failed_sessions").asLong()).isZero();
        assertThat(repair.path("keys_repaired").asLong()).isEqualTo(DIVERGED_KEYS);
        assertThat(repair.path("keys_sent").asLong()).isEqualTo(DIVERGED_KEYS);
        assertThat(writer.metrics().snapshot().get("anti_entropy_keys_repaired"))
                .isEqualTo(DIVERGED_KEYS);
        for (String key : diverged.subList(0, 10)) {
            assertThat(holds(isolated, key, "v1")).as(key).isTrue();
            for (RingKvNode node : cluster.nodes()) {
                GetReply read = (GetReply) request(node, new GetRequest(bytes(key), 1, Consistency.DEFAULT, 0));
                assertThat(values(read))
                        .as("%s read from %s", key, node.nodeId())
                        .containsExactly("v1");
            }
        }
    }

    static Map<String, String> settings() {
        return Map.of(
                "replication-factor", "3",
                "partition-count", "64",
                "hints.enabled", "false",
                "anti-entropy.interval-millis", "0",
                "anti-entropy.leaves-per-partition", "64");
    }

    private boolean rootsAgree() throws IOException {
        String first = null;
        for (RingKvNode node : cluster.nodes()) {
            String roots = admin(node, AdminCommand.MERKLE_ROOTS);
            if (first != null && !first.equals(roots)) {
                return false;
            }
            first = roots;
        }
        return true;
    }

    private void partition(RingKvNode isolated) {
        for (RingKvNode node : cluster.nodes()) {
            if (node != isolated) {
                node.linkFilter().block(Set.of(isolated.nodeId()));
                isolated.linkFilter().block(Set.of(node.nodeId()));
            }
        }
    }

    private void heal() {
        for (RingKvNode node : cluster.nodes()) {
            node.linkFilter().heal();
        }
    }

    private boolean holds(RingKvNode node, String key, String value) {
        return node.replicaStore()
                .read(storageKey(key))
                .map(set -> set.liveVersions().stream()
                        .anyMatch(version -> new String(version.value(), StandardCharsets.UTF_8).equals(value)))
                .orElse(false);
    }

    private StorageKey storageKey(String key) {
        RingSnapshot ring = cluster.ring();
        long token = ring.partitioner().token(bytes(key));
        return new StorageKey(ring.partitioner().partitionOf(token), token, bytes(key));
    }

    private static PutRequest put(String key, String value, byte[] context, int w) {
        return new PutRequest(bytes(key), bytes(value), context, w, Consistency.DEFAULT, 0);
    }

    static BinaryConnection connect(RingKvNode node) throws IOException {
        return BinaryConnection.open("127.0.0.1", node.binaryPort(), Duration.ofSeconds(30));
    }

    static String admin(RingKvNode node, AdminCommand command) throws IOException {
        Message reply = request(node, new AdminRequest(command, ""));
        assertThat(reply).isInstanceOf(AdminReply.class);
        return ((AdminReply) reply).bodyJson();
    }

    static Message request(RingKvNode node, Message body) throws IOException {
        try (BinaryConnection connection = connect(node)) {
            return connection.request(body);
        }
    }

    static List<String> values(GetReply reply) {
        return reply.siblings().stream()
                .map(ClientSibling::value)
                .map(value -> new String(value, StandardCharsets.UTF_8))
                .toList();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
