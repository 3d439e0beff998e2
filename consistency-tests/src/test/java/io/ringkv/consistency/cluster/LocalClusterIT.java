package io.ringkv.consistency.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringkv.consistency.nemesis.CommandRunner;
import io.ringkv.consistency.nemesis.Grudge;
import io.ringkv.consistency.nemesis.NetworkPartitioner;
import io.ringkv.consistency.nemesis.NftablesPartitioner;
import io.ringkv.consistency.nemesis.Partitioners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The harness and the nemeses against three real node processes: each fault must be visible to the
 * nodes' own failure detectors (the proof that it bites), and each heal must bring the cluster back.
 */
class LocalClusterIT {

    private static final Duration DETECTION = Duration.ofSeconds(30);

    private static LocalCluster cluster;

    @BeforeAll
    static void start() throws IOException {
        Path runs = Path.of(System.getProperty("ringkv.consistency.runDir", "target/consistency-runs"));
        Files.createDirectories(runs);
        cluster = LocalCluster.start(
                ClusterConfig.of(3, ServerJar.locate(), Files.createTempDirectory(runs, "cluster-it")));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
            cluster.deleteData();
        }
    }

    @Test
    void should_run_each_node_on_its_own_loopback_address() {
        assertThat(cluster.nodes()).extracting(NodeSpec::host).containsExactly("127.0.0.2", "127.0.0.3", "127.0.0.4");
        assertThat(cluster.nodeIds())
                .allSatisfy(id -> assertThat(cluster.pid(id)).isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Partitioners.Choice.class,
            names = {"NFTABLES", "LINK_FILTER"})
    void should_isolate_a_node_with_a_partition_and_heal_it(Partitioners.Choice mechanism) {
        if (mechanism == Partitioners.Choice.NFTABLES) {
            assumeTrue(
                    NftablesPartitioner.isAvailable(CommandRunner.processes()),
                    "nftables needs root and a working nft; the link filter covers partitions here");
        }
        Grudge isolateThird = Grudge.fromComponents(cluster.nodeIds(), List.of(Set.of("n3"), Set.of("n1", "n2")));
        try (NetworkPartitioner partitioner = Partitioners.forCluster(cluster, mechanism, CommandRunner.processes())) {
            partitioner.partition(isolateThird);

            awaitSeenDown("n1", "n3");
            awaitSeenDown("n3", "n1");

            partitioner.heal();
            cluster.awaitAllAlive(DETECTION);
        }
        assertThat(NftablesPartitioner.tableExists(CommandRunner.processes()))
                .as("the nftables table is deleted")
                .isFalse();
    }

    @Test
    void should_pause_and_resume_a_node() {
        cluster.pause("n2");
        assertThat(cluster.isPaused("n2")).isTrue();
        awaitSeenDown("n1", "n2");

        cluster.resume("n2");
        cluster.awaitAllAlive(DETECTION);
        assertThat(cluster.isPaused("n2")).isFalse();
    }

    @Test
    void should_kill_and_restart_a_node_on_its_data() {
        long before = cluster.pid("n1").orElseThrow();
        cluster.kill("n1");
        assertThat(cluster.isRunning("n1")).isFalse();
        awaitSeenDown("n2", "n1");

        cluster.restart("n1");
        cluster.awaitAllAlive(DETECTION);
        assertThat(cluster.pid("n1")).isPresent().isNotEqualTo(Optional.of(before));
        cluster.awaitRingAgreement(DETECTION);
    }

    private static void awaitSeenDown(String observer, String peer) {
        NodeSpec node = cluster.node(observer);
        await().atMost(DETECTION)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> cluster.http()
                        .liveness(node)
                        .map(alive -> !alive.getOrDefault(peer, true))
                        .orElse(false));
    }
}
