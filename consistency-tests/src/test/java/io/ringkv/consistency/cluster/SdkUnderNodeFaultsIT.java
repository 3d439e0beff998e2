package io.ringkv.consistency.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.CausalContext;
import io.ringkv.client.GetResult;
import io.ringkv.client.PutResult;
import io.ringkv.client.ReadOptions;
import io.ringkv.client.RingKvClient;
import io.ringkv.client.RingKvClientBuilder;
import io.ringkv.client.WriteOptions;
import io.ringkv.client.error.RequestTimeoutException;
import io.ringkv.client.error.RingKvException;
import io.ringkv.client.policy.ConstantSpeculativeReadPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK against real node processes when the node it coordinates on fails for real: {@code kill -9}
 * (the process and its sockets vanish, in-flight requests are lost) and {@code SIGSTOP} (the node is
 * frozen, its sockets stay open and silent — the slow replica that only speculation helps with). The
 * in-JVM test kit covers the same paths with graceful stops and link filters; only processes give the
 * abrupt versions.
 *
 * <p>The p99 comparison is deliberately loose (the speculative delay plus 250 ms, against a 2 s request
 * timeout): it separates "asked a second replica" from "waited for the timeout" on a busy 2-core machine;
 * it is not a speed measurement.
 */
class SdkUnderNodeFaultsIT {

    private static final String VICTIM = "n2";
    private static final int REQUESTS_PER_PHASE = 100;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SPECULATIVE_DELAY = Duration.ofMillis(50);

    private LocalCluster cluster;
    private final List<RingKvClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(RingKvClient::close);
        if (cluster != null) {
            cluster.close();
            cluster.deleteData();
        }
    }

    @Test
    void
            should_fail_reads_over_without_an_error_and_give_every_write_a_truthful_outcome_when_the_coordinator_is_killed()
                    throws IOException {
        start(Map.of());
        RingKvClient client = client(0, builder -> {});
        List<String> readKeys = keysCoordinatedBy(client, VICTIM, "read", 2 * REQUESTS_PER_PHASE);
        List<String> writeKeys = keysCoordinatedBy(client, VICTIM, "write", 2 * REQUESTS_PER_PHASE);
        for (String key : readKeys) {
            client.blocking().put(key, key, CausalContext.NONE, WriteOptions.DEFAULT.withW(3));
        }

        List<CompletionStage<GetResult>> reads = new ArrayList<>();
        List<CompletionStage<PutResult>> writes = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_PHASE; i++) {
            reads.add(client.get(readKeys.get(i)));
            writes.add(client.put(writeKeys.get(i), writeKeys.get(i), CausalContext.NONE));
        }
        cluster.kill(VICTIM);
        for (int i = REQUESTS_PER_PHASE; i < 2 * REQUESTS_PER_PHASE; i++) {
            reads.add(client.get(readKeys.get(i)));
            writes.add(client.put(writeKeys.get(i), writeKeys.get(i), CausalContext.NONE));
        }

        int readsElsewhere = 0;
        for (int i = 0; i < reads.size(); i++) {
            GetResult read = reads.get(i).toCompletableFuture().join(); // a read must never surface an error
            assertThat(read.valueAsString()).as("read of %s", readKeys.get(i)).isEqualTo(readKeys.get(i));
            if (!read.coordinator().equals(VICTIM)) {
                readsElsewhere++;
            }
        }
        assertThat(readsElsewhere).as("every read sent after the kill").isGreaterThanOrEqualTo(REQUESTS_PER_PHASE);

        Map<String, Integer> outcomes = new HashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            String key = writeKeys.get(i);
            String outcome = checkWriteOutcome(client, key, writes.get(i));
            outcomes.merge(outcome, 1, Integer::sum);
            if (i >= REQUESTS_PER_PHASE) {
                assertThat(outcome).as("write of %s sent after the kill", key).isNotEqualTo("unknown");
            }
        }
        System.out.printf(
                "SdkUnderNodeFaultsIT kill -9 %s: %d of %d reads coordinated elsewhere, none failed; writes %s%n",
                VICTIM, readsElsewhere, reads.size(), outcomes);
        assertThat(outcomes.getOrDefault("applied", 0))
                .as("writes sent after the kill go to a live replica")
                .isGreaterThanOrEqualTo(REQUESTS_PER_PHASE);
    }

    @Test
    void should_keep_read_p99_near_the_healthy_figure_with_speculative_reads_when_a_replica_is_paused()
            throws IOException {
        // The paused node must stay "up" for everybody during the test, or routing would simply avoid it.
        start(Map.of("gossip.phi-threshold", "300"));
        RingKvClient speculative = client(
                0, builder -> builder.speculativeReadPolicy(new ConstantSpeculativeReadPolicy(SPECULATIVE_DELAY, 1)));
        RingKvClient plain = client(1, builder -> {});
        List<String> keys = keysCoordinatedBy(speculative, VICTIM, "slow", 200);
        for (String key : keys) {
            speculative.blocking().put(key, key, CausalContext.NONE, WriteOptions.DEFAULT.withW(3));
        }
        readAll(speculative, keys); // warms up connections and JIT before anything is measured

        Histogram healthy = readAll(speculative, keys);
        cluster.pause(VICTIM);
        Histogram paused = readAll(speculative, keys);
        List<RingKvException> plainFailures = new ArrayList<>();
        for (String key : keys.subList(0, 5)) {
            try {
                plain.blocking().get(key);
            } catch (RingKvException failure) {
                plainFailures.add(failure);
            }
        }
        cluster.resume(VICTIM);

        long healthyP99 = healthy.getValueAtPercentile(99);
        long pausedP99 = paused.getValueAtPercentile(99);
        System.out.printf(
                "SdkUnderNodeFaultsIT SIGSTOP %s: read p50/p99 healthy %.1f/%.1f ms, paused with speculation after %d ms"
                        + " %.1f/%.1f ms; without speculation %d of 5 reads failed%n",
                VICTIM,
                healthy.getValueAtPercentile(50) / 1000.0,
                healthyP99 / 1000.0,
                SPECULATIVE_DELAY.toMillis(),
                paused.getValueAtPercentile(50) / 1000.0,
                pausedP99 / 1000.0,
                plainFailures.size());
        assertThat(paused.getTotalCount()).as("every read answered").isEqualTo(keys.size());
        // Close to healthy: the speculative delay plus scheduling noise, far below the request timeout the
        // reads would otherwise wait for (the control below shows they do).
        assertThat(pausedP99)
                .as("p99 with a paused replica, in µs")
                .isLessThan(healthyP99 + SPECULATIVE_DELAY.toNanos() / 1000 + 250_000);
        // Without speculation the first reads wait for the frozen coordinator until they time out; after
        // those timeouts the client's replica health steers later reads away from it.
        assertThat(plainFailures)
                .as("reads without speculation wait for the frozen coordinator")
                .isNotEmpty()
                .allSatisfy(failure -> assertThat(failure).isInstanceOf(RequestTimeoutException.class));
    }

    private void start(Map<String, String> extraSettings) throws IOException {
        Path runs = Path.of(System.getProperty("ringkv.consistency.runDir", "target/consistency-runs"));
        Files.createDirectories(runs);
        Map<String, String> settings = new HashMap<>(ClusterConfig.TEST_SETTINGS);
        settings.putAll(extraSettings);
        cluster = LocalCluster.start(
                ClusterConfig.of(3, ServerJar.locate(), Files.createTempDirectory(runs, "sdk-faults"))
                        .withNodeSettings(settings));
    }

    private RingKvClient client(int index, Consumer<RingKvClientBuilder> customizer) {
        RingKvClientBuilder builder = RingKvClient.builder()
                .seeds(cluster.nodes().stream().map(NodeSpec::binaryAddress).toArray(String[]::new))
                .localAddress(ClusterConfig.clientAddress(index))
                .requestTimeout(REQUEST_TIMEOUT)
                .bootstrapTimeout(Duration.ofSeconds(30))
                .randomSeed(index);
        customizer.accept(builder);
        RingKvClient client = builder.build();
        clients.add(client);
        return client;
    }

    /** Reads every key, eight at a time, and returns the latencies in microseconds. */
    private static Histogram readAll(RingKvClient client, List<String> keys) {
        Histogram latencies = new Histogram(3);
        for (int from = 0; from < keys.size(); from += 8) {
            List<CompletionStage<GetResult>> batch = new ArrayList<>();
            List<Long> started = new ArrayList<>();
            for (String key : keys.subList(from, Math.min(from + 8, keys.size()))) {
                started.add(System.nanoTime());
                batch.add(client.get(key, ReadOptions.DEFAULT.withR(2)));
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).toCompletableFuture().join();
                latencies.recordValue((System.nanoTime() - started.get(i)) / 1000);
            }
        }
        return latencies;
    }

    /**
     * Classifies one write's outcome and checks it against what the surviving replicas hold: an
     * acknowledged write is readable, one reported as definitely not applied is absent.
     */
    private static String checkWriteOutcome(RingKvClient client, String key, CompletionStage<PutResult> write) {
        RingKvException failure = null;
        try {
            write.toCompletableFuture().join();
        } catch (CompletionException wrapped) {
            if (!(wrapped.getCause() instanceof RingKvException ringKv)) {
                throw wrapped;
            }
            failure = ringKv;
        }
        GetResult stored = client.blocking().get(key);
        if (failure == null) {
            assertThat(stored.found()).as("acknowledged write of %s", key).isTrue();
            return "applied";
        }
        if (failure.definitelyNotApplied()) {
            assertThat(stored.found())
                    .as("write of %s reported as definitely not applied: %s", key, failure)
                    .isFalse();
            return "definitely-not-applied";
        }
        assertThat(failure.outcomeUnknown())
                .as("a failure is definite or unknown: %s", failure)
                .isTrue();
        return "unknown";
    }

    /** Keys whose preference list, as the client sees the ring, starts with {@code nodeId}. */
    private static List<String> keysCoordinatedBy(RingKvClient client, String nodeId, String prefix, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; keys.size() < count; i++) {
            String key = prefix + "-" + i;
            if (client.replicasOf(key.getBytes(StandardCharsets.UTF_8)).get(0).equals(nodeId)) {
                keys.add(key);
            }
        }
        return keys;
    }
}
