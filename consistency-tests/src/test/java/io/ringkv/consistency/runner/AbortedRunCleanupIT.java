package io.ringkv.consistency.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ringkv.consistency.cluster.ClusterConfig;
import io.ringkv.consistency.cluster.LocalCluster;
import io.ringkv.consistency.cluster.ServerJar;
import io.ringkv.consistency.nemesis.CommandRunner;
import io.ringkv.consistency.nemesis.NftablesPartitioner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The suite cleans up on the paths where no test code gets to run its own clean-up: a cluster that fails to
 * start, and a run whose JVM is terminated (SIGTERM, as Ctrl-C or a CI timeout sends) in the middle of a
 * partition. Afterwards no node process it started is alive, no node data folder is left, and no nftables
 * table is left cutting off the loopback addresses.
 */
class AbortedRunCleanupIT {

    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Duration EXIT = Duration.ofSeconds(60);

    @Test
    void should_kill_its_nodes_and_delete_their_data_when_the_cluster_fails_to_start() throws IOException {
        Path runDirectory = newRunDirectory("failed-start");
        Set<Long> childrenBefore = childPids();
        // No ring can agree within a millisecond, so start gives up after launching every node.
        ClusterConfig impatient =
                ClusterConfig.of(3, ServerJar.locate(), runDirectory).withStartTimeout(Duration.ofMillis(1));

        assertThatThrownBy(() -> LocalCluster.start(impatient)).isInstanceOf(IllegalStateException.class);

        assertThat(childPids()).as("no node process outlives the failed start").isSubsetOf(childrenBefore);
        assertThat(nodeDataFolders(runDirectory)).as("node data folders left").isEmpty();
        assertThat(nodeLogs(runDirectory))
                .as("the logs that explain the failure stay")
                .hasSize(3);
    }

    @Test
    void should_kill_its_nodes_delete_their_data_and_heal_when_its_jvm_is_terminated() throws Exception {
        Path out = newRunDirectory("terminated-run");
        boolean nftables = NftablesPartitioner.isAvailable(CommandRunner.processes());
        Process run = new ProcessBuilder(runCommand(out))
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("run-main.log").toFile())
                .start();
        try {
            List<ProcessHandle> nodes = awaitNodesWithData(run, out);
            if (nftables) {
                // The first partition comes two seconds into the workload; terminate while it is in place.
                await().atMost(STARTUP)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> NftablesPartitioner.tableExists(CommandRunner.processes()));
            }

            run.destroy(); // SIGTERM: the JVM runs its shutdown hooks, and nothing else of the run

            assertThat(run.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the run exits")
                    .isTrue();
            assertThat(nodes).as("node processes still alive").noneMatch(ProcessHandle::isAlive);
            assertThat(nodeDataFolders(out)).as("node data folders left").isEmpty();
            assertThat(NftablesPartitioner.tableExists(CommandRunner.processes()))
                    .as("nftables table left")
                    .isFalse();
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    private static List<ProcessHandle> awaitNodesWithData(Process run, Path out) {
        return await().atMost(STARTUP)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            if (!run.isAlive()) {
                                throw new AssertionError("the run exited early with " + run.exitValue() + "; see "
                                        + out.resolve("run-main.log"));
                            }
                            return nodeDataFolders(out).size() == 3
                                    ? run.descendants()
                                            .filter(ProcessHandle::isAlive)
                                            .toList()
                                    : List.<ProcessHandle>of();
                        },
                        nodes -> nodes.size() >= 3);
    }

    private static List<String> runCommand(Path out) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                RunMain.class.getName(),
                "--workload",
                "register",
                "--nemesis",
                "partition",
                "--nodes",
                "3",
                "--duration",
                "10m",
                "--seed",
                "1",
                "--out",
                out.toString(),
                "--server-jar",
                ServerJar.locate().toString());
    }

    private static Path newRunDirectory(String prefix) throws IOException {
        Path runs = Path.of(System.getProperty("ringkv.consistency.runDir", "target/consistency-runs"));
        Files.createDirectories(runs);
        return Files.createTempDirectory(runs, prefix).toAbsolutePath();
    }

    private static Set<Long> childPids() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static List<Path> nodeDataFolders(Path root) throws IOException {
        return nodeFiles(root, "data");
    }

    private static List<Path> nodeLogs(Path root) throws IOException {
        return nodeFiles(root, "node.log");
    }

    /** Files named {@code name} in a node's home ({@code .../nodes/n<i>/name}) anywhere under {@code root}. */
    private static List<Path> nodeFiles(Path root, String name) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.getFileName().toString().equals(name)
                            && path.getParent()
                                    .getParent()
                                    .getFileName()
                                    .toString()
                                    .equals("nodes"))
                    .toList();
        }
    }
}
