package io.ringkv.server.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.message.ClientSibling;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.PutReply;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.cli.BinaryConnection;
import io.ringkv.server.linearizable.Register;
import io.ringkv.server.node.RingKvNode;
import io.ringkv.server.storage.StorageKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under a steady write load (W=2 through the binary protocol), a 3-node cluster (N=3) grows to 4 and 5
 * nodes and shrinks back to 3 by decommissioning two of them; afterwards every acknowledged write is
 * readable with R=3, and each change moved close to its ideal share of the data (see
 * {@code docs/elasticity.md} for the definitions).
 */
class ElasticityIT {

    private static final int PRELOADED_KEYS = 1_200;
    private static final int VALUE_BYTES = 200;

    @TempDir
    Path dataRoot;

    @Test
    void should_grow_and_shrink_under_load_without_losing_acknowledged_writes() throws Exception {
        try (ElasticCluster cluster = ElasticCluster.start(3, dataRoot, Map.of())) {
            preload(cluster);
            RingKvNode entry = cluster.members().get(0);
            LoadWriter writer = new LoadWriter(entry);
            Thread load = new Thread(writer, "elasticity-load");
            load.start();
            try {
                join(cluster);
                join(cluster);
                List<RingKvNode> members = cluster.members();
                decommission(cluster, members.get(members.size() - 1));
                decommission(cluster, cluster.members().get(cluster.members().size() - 1));
            } finally {
                writer.stop();
                load.join();
            }
            assertThat(cluster.members()).hasSize(3);
            assertThat(writer.acknowledged()).hasSizeGreaterThan(100);
            List<String> missing = new ArrayList<>();
            try (BinaryConnection reader = connect(entry)) {
                for (String key : writer.acknowledged()) {
                    Message reply = reader.request(new GetRequest(bytes(key), 3, Consistency.DEFAULT, 0));
                    if (!(reply instanceof GetReply get) || !values(get).contains(key)) {
                        missing.add(key + " -> " + reply);
                    }
                }
            }
            System.out.printf(
                    "elasticity: %d writes acknowledged under load (%d failed during changes); all read back with R=3%n",
                    writer.acknowledged().size(), writer.failures());
            assertThat(missing).isEmpty();
        }
    }

    /**
     * {@code remove} of a dead node: the survivors take its partitions over and copy them from the replicas
     * left, so afterwards every replica of every key in the new ring holds it.
     */
    @Test
    void should_replace_a_dead_nodes_data_from_the_survivors_when_it_is_removed() throws Exception {
        try (ElasticCluster cluster = ElasticCluster.start(4, dataRoot, Map.of())) {
            preload(cluster);
            RingKvNode dead = cluster.members().get(3);
            cluster.kill(dead);

            long startNanos = System.nanoTime();
            cluster.remove(cluster.members().get(0), dead.nodeId());
            System.out.printf(
                    "elasticity: removal of dead %s took %d ms%n",
                    dead.nodeId(), (System.nanoTime() - startNanos) / 1_000_000);

            RingSnapshot ring = cluster.ring();
            assertThat(ring.distinctOwnerCount()).isEqualTo(3);
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < PRELOADED_KEYS; i++) {
                String key = "preload-" + i;
                StorageKey storageKey = storageKey(ring, key);
                for (String replica : ring.preferenceList(storageKey.partition())) {
                    RingKvNode node = cluster.members().stream()
                            .filter(member -> member.nodeId().equals(replica))
                            .findFirst()
                            .orElseThrow();
                    if (node.replicaStore().read(storageKey).isEmpty()) {
                        missing.add(key + " on " + replica);
                    }
                }
            }
            assertThat(missing).as("keys a replica lacks after the removal").isEmpty();
        }
    }

    /**
     * LINEARIZABLE registers live apart from sibling sets; a change of membership must carry them to every
     * new replica too, or the new ring's majorities could answer with an older value.
     */
    @Test
    void should_carry_linearizable_registers_to_the_new_replicas_of_a_join_and_a_decommission() throws Exception {
        try (ElasticCluster cluster = ElasticCluster.start(3, dataRoot, Map.of())) {
            List<String> keys = new ArrayList<>();
            try (BinaryConnection connection = connect(cluster.members().get(0))) {
                for (int i = 0; i < 300; i++) {
                    String key = "register-" + i;
                    Message reply = connection.request(
                            new PutRequest(bytes(key), value(key), new byte[0], 0, Consistency.LINEARIZABLE, 0));
                    assertThat(reply).as("linearizable put of %s", key).isInstanceOf(PutReply.class);
                    keys.add(key);
                }
            }

            RingKvNode joiner = cluster.startNode();
            cluster.awaitStableRing();
            assertThat(missingRegisters(cluster, joiner, keys))
                    .as("registers missing on the joiner")
                    .isEmpty();

            RingKvNode leaving = cluster.members().get(1);
            cluster.decommission(leaving);
            for (RingKvNode member : cluster.members()) {
                assertThat(missingRegisters(cluster, member, keys))
                        .as("registers missing on %s after %s left", member.nodeId(), leaving.nodeId())
                        .isEmpty();
            }
        }
    }

    /** The keys {@code node} replicates in the current ring whose register it lacks or holds with another value. */
    private static List<String> missingRegisters(ElasticCluster cluster, RingKvNode node, List<String> keys) {
        RingSnapshot ring = cluster.ring();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            StorageKey storageKey = storageKey(ring, key);
            if (!ring.preferenceList(storageKey.partition()).contains(node.nodeId())) {
                continue;
            }
            Register held = node.linearizableRegisters().read(storageKey).join();
            if (!held.present() || !Arrays.equals(held.value(), value(key))) {
                missing.add(key);
            }
        }
        return missing;
    }

    /**
     * A join of the (n+1)th node ideally moves 1/(n+1) of all replica bytes stored afterwards (N copies of
     * the data, measured after the change because the load keeps writing): the newcomer's fair share.
     */
    private void join(ElasticCluster cluster) {
        int sizeBefore = cluster.members().size();
        RingKvNode joiner = cluster.startNode();
        cluster.awaitStableRing();
        TransitionReport report = lastReport(joiner);
        long ideal = cluster.totalReplicaBytes() / (sizeBefore + 1);
        long exact = cluster.replicaBytes(joiner);
        print("join of " + joiner.nodeId(), sizeBefore, report, ideal, exact);
        assertThat(report.bytes()).isBetween(ideal / 2, ideal * 5 / 4);
    }

    /**
     * A decommission of one of n nodes ideally moves the leaving node's fair share: 1/n of all replica
     * bytes stored after the change.
     */
    private void decommission(ElasticCluster cluster, RingKvNode leaving) {
        int sizeBefore = cluster.members().size();
        long exact = cluster.replicaBytes(leaving);
        cluster.decommission(leaving);
        TransitionReport report = lastReport(leaving);
        long ideal = cluster.totalReplicaBytes() / sizeBefore;
        print("decommission of " + leaving.nodeId(), sizeBefore, report, ideal, exact);
        assertThat(report.bytes()).isBetween(ideal / 2, ideal * 5 / 4);
    }

    private static TransitionReport lastReport(RingKvNode driver) {
        List<TransitionReport> reports = driver.transitionDriver().reports();
        assertThat(reports).isNotEmpty();
        return reports.get(reports.size() - 1);
    }

    private static void print(String change, int sizeBefore, TransitionReport report, long ideal, long exact) {
        System.out.printf(
                "elasticity: %s (%d nodes before): moved %d bytes, %d keys in %d partition copies, %d ms;"
                        + " ideal share %d bytes (ratio %.3f); node's replica bytes %d%n",
                change,
                sizeBefore,
                report.bytes(),
                report.keys(),
                report.partitionCopies(),
                report.millis(),
                ideal,
                (double) report.bytes() / ideal,
                exact);
    }

    private static void preload(ElasticCluster cluster) throws Exception {
        List<RingKvNode> nodes = cluster.members();
        ExecutorService writers = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < nodes.size(); w++) {
                int writerIndex = w;
                done.add(writers.submit(() -> {
                    try (BinaryConnection connection = connect(nodes.get(writerIndex))) {
                        for (int i = writerIndex; i < PRELOADED_KEYS; i += nodes.size()) {
                            String key = "preload-" + i;
                            Message reply = connection.request(
                                    new PutRequest(bytes(key), value(key), new byte[0], 3, Consistency.DEFAULT, 0));
                            assertThat(reply).isInstanceOf(PutReply.class);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdown();
        }
    }

    /** Writes distinct keys one after another with W=2 and records those acknowledged. */
    private static final class LoadWriter implements Runnable {
        private final RingKvNode entry;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        private volatile int failures;

        LoadWriter(RingKvNode entry) {
            this.entry = entry;
        }

        @Override
        public void run() {
            int next = 0;
            while (running.get()) {
                try (BinaryConnection connection = connect(entry)) {
                    while (running.get()) {
                        String key = "load-" + next++;
                        Message reply = connection.request(
                                new PutRequest(bytes(key), value(key), new byte[0], 2, Consistency.DEFAULT, 0));
                        if (reply instanceof PutReply) {
                            acknowledged.add(key);
                        } else {
                            failures++;
                        }
                    }
                } catch (IOException connectionLost) {
                    failures++;
                }
            }
        }

        void stop() {
            running.set(false);
        }

        List<String> acknowledged() {
            return List.copyOf(acknowledged);
        }

        int failures() {
            return failures;
        }
    }

    private static StorageKey storageKey(RingSnapshot ring, String key) {
        long token = ring.partitioner().token(bytes(key));
        return new StorageKey(ring.partitioner().partitionOf(token), token, bytes(key));
    }

    private static BinaryConnection connect(RingKvNode node) throws IOException {
        return BinaryConnection.open("127.0.0.1", node.binaryPort(), Duration.ofSeconds(10));
    }

    /** The key followed by padding: a read can tell which key the value belongs to. */
    private static byte[] value(String key) {
        StringBuilder value = new StringBuilder(key);
        while (value.length() < VALUE_BYTES) {
            value.append('.');
        }
        return bytes(value.toString());
    }

    private static List<String> values(GetReply reply) {
        return reply.siblings().stream()
                .map(ClientSibling::value)
                .map(value -> new String(value, StandardCharsets.UTF_8).replace(".", ""))
                .toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
