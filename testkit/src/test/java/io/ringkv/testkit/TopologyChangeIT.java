package io.ringkv.testkit;

import static io.ringkv.testkit.TestKeys.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ringkv.client.CausalContext;
import io.ringkv.client.GetResult;
import io.ringkv.client.RingKvClient;
import io.ringkv.client.error.RingKvException;
import io.ringkv.ring.RingSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's view follows the cluster: a joining node shows up as a newer ring version, a dead node is
 * routed around, and requests keep succeeding through both changes.
 */
class TopologyChangeIT {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(10);

    private EmbeddedRingKvCluster cluster;
    private RingKvClient client;
    private final ObservingRoutingPolicy routing = new ObservingRoutingPolicy();

    @BeforeEach
    void startCluster() {
        cluster = EmbeddedRingKvCluster.builder()
                .nodes(4)
                .replicationFactor(3)
                .partitionCount(64)
                .start();
        client = cluster.newClient(
                builder -> builder.randomSeed(7).routingPolicy(routing).ringRefreshInterval(Duration.ofMillis(500)));
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void should_pick_up_a_joining_node_as_a_newer_ring_and_keep_serving() {
        long versionBefore = client.ringVersion();
        long joinStartNanos = System.nanoTime();

        int added = cluster.addNode();
        long agreedNanos = System.nanoTime();
        String newNode = cluster.nodeId(added);
        List<String> failures = new ArrayList<>();
        await().atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(50)).until(() -> {
            readAndWrite("join-probe", failures);
            return client.ringVersion() > versionBefore;
        });
        long seenNanos = System.nanoTime();

        System.out.printf(
                "join: ring agreed by the nodes after %d ms, client on ring v%d after %d ms (%d ms after agreement)%n",
                (agreedNanos - joinStartNanos) / 1_000_000,
                client.ringVersion(),
                (seenNanos - joinStartNanos) / 1_000_000,
                (seenNanos - agreedNanos) / 1_000_000);
        assertThat(client.ringVersion()).isEqualTo(cluster.ring().version());
        assertThat(failures).isEmpty();
        RingSnapshot ring = cluster.ring();
        List<String> keysOnNewNode = TestKeys.firstReplicaOn(ring, newNode, "after-join", 50);
        for (String key : keysOnNewNode) {
            assertThat(client.replicasOf(utf8(key))).isEqualTo(ring.preferenceListForKey(utf8(key)));
            String coordinator =
                    client.blocking().put(key, key, CausalContext.NONE).coordinator();
            GetResult read = client.blocking().get(key);
            assertThat(coordinator).isEqualTo(newNode);
            assertThat(read.valueAsString()).isEqualTo(key);
        }
    }

    @Test
    void should_route_around_a_dead_node_within_seconds_without_failing_requests() {
        String victim = cluster.nodeId(1);
        List<String> victimKeys = TestKeys.firstReplicaOn(cluster.ring(), victim, "victim", 100);
        for (String key : victimKeys) {
            client.blocking().put(key, key, CausalContext.NONE);
        }
        assertThat(routing.usable(victim)).isTrue();
        long stopNanos = System.nanoTime();

        cluster.stop(1);
        List<String> failures = new ArrayList<>();
        int[] probe = {0};
        await().atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(20)).until(() -> {
            readAndCheck(victimKeys.get(probe[0]++ % victimKeys.size()), failures);
            return !routing.usable(victim);
        });
        long markedDownNanos = System.nanoTime();

        for (String key : victimKeys) {
            readAndCheck(key, failures);
            readAndWrite(key + "-new", failures);
        }
        System.out.printf(
                "death: client marked %s down after %d ms; %d probe requests, failures: %s%n",
                victim, (markedDownNanos - stopNanos) / 1_000_000, probe[0], failures);
        assertThat(failures).isEmpty();
    }

    private void readAndWrite(String key, List<String> failures) {
        try {
            client.blocking().put(key, "x", client.blocking().get(key).context());
        } catch (RingKvException failure) {
            failures.add(key + ": " + failure);
        }
    }

    private void readAndCheck(String key, List<String> failures) {
        try {
            GetResult read = client.blocking().get(key);
            if (!read.found() || !read.valueAsString().equals(key)) {
                failures.add(key + ": read " + read);
            }
        } catch (RingKvException failure) {
            failures.add(key + ": " + failure);
        }
    }
}
