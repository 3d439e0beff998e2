package io.ringkv.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.ringkv.server.config.NodeConfigLoader;
import io.ringkv.server.node.RingKvNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generator end to end against one real in-JVM node (in-memory storage, ephemeral ports). */
class LoadSmokeIT {

    private static final int REQUESTS = 2_000;
    private static final int KEYS = 300;

    @TempDir
    static Path dataDir;

    private static RingKvNode node;

    @BeforeAll
    static void startNode() {
        node = RingKvNode.start(new NodeConfigLoader()
                .with("node-id", "n1")
                .with("host", "127.0.0.1")
                .with("port", "0")
                .with("http-port", "0")
                .with("data-dir", dataDir.toString())
                .with("storage.engine", "memory")
                .with("replication-factor", "1")
                .with("requests.default-r", "1")
                .with("requests.default-w", "1")
                .with("partition-count", "256")
                .build());
        await().atMost(Duration.ofSeconds(10)).until(() -> node.ring() != null);
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"RAW, TOKEN, A", "SDK, TOKEN, A", "SDK, RANDOM, B", "RAW, RANDOM, C"})
    void should_run_every_request_without_errors(ClientKind client, Routing routing, Workload workload)
            throws Exception {
        LoadOptions options = new LoadOptions(
                List.of("127.0.0.1:" + node.binaryPort()),
                client,
                routing,
                workload,
                KeyDistribution.ZIPFIAN,
                KEYS,
                1024,
                Concurrency.inFlight(16),
                Duration.ZERO,
                REQUESTS,
                Duration.ZERO,
                true,
                1,
                1,
                2_000,
                1,
                1,
                42,
                "memory",
                null,
                dataDir.resolve("contexts-" + client + "-" + routing + "-" + workload));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        LoadSummary summary = LoadBenchmark.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(summary.failures())
                .as(printed.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(summary.errors()).isEmpty();
        assertThat(summary.operation("all").count()).isEqualTo(REQUESTS);
        long reads = summary.operation("read").count();
        long updates = summary.operation("update") == null
                ? 0
                : summary.operation("update").count();
        assertThat(reads + updates).isEqualTo(REQUESTS);
        assertThat(reads).isCloseTo(Math.round(REQUESTS * workload.readProportion()), within(150L));
        // Every key was written first, so every read finds a value.
        assertThat(summary.readsNotFound()).isZero();
        // One node replicates every key: nothing is ever forwarded.
        assertThat(summary.forwardedRequests()).isZero();
        assertThat(summary.client()).isEqualTo(client.name().toLowerCase(Locale.ROOT));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("loaded 300 keys");
    }
}
