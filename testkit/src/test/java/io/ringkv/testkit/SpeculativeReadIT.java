package io.ringkv.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.CausalContext;
import io.ringkv.client.GetResult;
import io.ringkv.client.RingKvClient;
import io.ringkv.client.WriteOptions;
import io.ringkv.client.error.RequestTimeoutException;
import io.ringkv.client.policy.ConstantSpeculativeReadPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One slow replica: the node every test key goes to first is cut off from its peers, so a read it
 * coordinates (R = 2) waits for a second replica that never answers. Without speculation such reads run
 * into their timeout; with a speculative-read policy the client also asks the next replica after a short
 * delay, and that one answers.
 */
class SpeculativeReadIT {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
    private static final int READS = 20;

    private EmbeddedRingKvCluster cluster;
    private String slowNode;
    private List<String> keys;

    @BeforeEach
    void startClusterWithOneSlowReplica() {
        cluster = EmbeddedRingKvCluster.builder()
                .nodes(3)
                .replicationFactor(3)
                .partitionCount(32)
                // The cut-off node must stay "alive" for its peers and itself during the test: it is slow, not dead.
                .setting("gossip.phi-threshold", "300")
                .start();
        slowNode = cluster.nodeId(1);
        keys = TestKeys.firstReplicaOn(cluster.ring(), slowNode, "speculative", READS);
        RingKvClient writer = cluster.newClient();
        for (String key : keys) {
            writer.blocking().put(key, key, CausalContext.NONE, WriteOptions.DEFAULT.withW(3));
        }
        Set<String> peers = new HashSet<>();
        for (int i = 0; i < cluster.size(); i++) {
            peers.add(cluster.nodeId(i));
        }
        peers.remove(slowNode);
        cluster.node(1).linkFilter().block(peers);
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void should_answer_reads_from_a_second_replica_when_the_first_is_slow() {
        RingKvClient client = cluster.newClient(builder -> builder.randomSeed(21)
                .requestTimeout(REQUEST_TIMEOUT)
                .speculativeReadPolicy(new ConstantSpeculativeReadPolicy(Duration.ofMillis(100), 1)));

        // All at once: the slow node stays "alive" for its peers only a few seconds after it was cut off.
        List<CompletionStage<GetResult>> reads = new ArrayList<>();
        List<Long> startNanos = new ArrayList<>();
        for (String key : keys) {
            startNanos.add(System.nanoTime());
            reads.add(client.get(key));
        }

        List<Long> latenciesMillis = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            Outcome<GetResult> outcome = Outcome.of(reads.get(i));
            latenciesMillis.add((System.nanoTime() - startNanos.get(i)) / 1_000_000);
            assertThat(outcome.failure()).as("read of %s", keys.get(i)).isNull();
            assertThat(outcome.value().valueAsString()).isEqualTo(keys.get(i));
            assertThat(outcome.value().coordinator()).isNotEqualTo(slowNode);
        }
        System.out.println("speculative reads around slow " + slowNode + ", completion in ms: " + latenciesMillis
                + " (request timeout " + REQUEST_TIMEOUT.toMillis() + " ms)");
    }

    @Test
    void should_run_into_the_timeout_without_speculation() {
        RingKvClient client =
                cluster.newClient(builder -> builder.randomSeed(22).requestTimeout(REQUEST_TIMEOUT));

        List<CompletionStage<GetResult>> reads = new ArrayList<>();
        for (String key : keys.subList(0, 5)) {
            reads.add(client.get(key));
        }

        for (CompletionStage<GetResult> read : reads) {
            Outcome<GetResult> outcome = Outcome.of(read);
            assertThat(outcome.failure()).isInstanceOf(RequestTimeoutException.class);
            assertThat(outcome.failure().definitelyNotApplied()).isTrue();
        }
    }
}
