package io.ringkv.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.CausalContext;
import io.ringkv.client.GetResult;
import io.ringkv.client.PutResult;
import io.ringkv.client.RingKvClient;
import io.ringkv.client.WriteOptions;
import io.ringkv.client.error.ConnectionLostException;
import io.ringkv.client.error.RequestTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Killing the node the client coordinates a key's requests on, while requests to it are in flight: reads
 * fail over to another replica without surfacing an error, and every write ends with a clear outcome
 * whose definite/unknown flag agrees with what the surviving replicas hold.
 */
class CoordinatorFailoverIT {

    private static final int REQUESTS_PER_PHASE = 100;

    private EmbeddedRingKvCluster cluster;
    private RingKvClient client;
    private String victim;
    private int victimIndex;

    @BeforeEach
    void startCluster() {
        // Three nodes and N = 3: every key keeps two live replicas, a quorum, after the kill.
        cluster = EmbeddedRingKvCluster.builder()
                .nodes(3)
                .replicationFactor(3)
                .partitionCount(64)
                .start();
        client = cluster.newClient(builder -> builder.randomSeed(11));
        victimIndex = 1;
        victim = cluster.nodeId(victimIndex);
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void should_fail_reads_over_to_another_replica_without_an_error_when_the_coordinator_dies() {
        List<String> keys = TestKeys.firstReplicaOn(cluster.ring(), victim, "read", 2 * REQUESTS_PER_PHASE);
        for (String key : keys) {
            client.blocking().put(key, key, CausalContext.NONE, WriteOptions.DEFAULT.withW(3));
        }

        List<CompletionStage<GetResult>> reads = new ArrayList<>();
        for (String key : keys.subList(0, REQUESTS_PER_PHASE)) {
            reads.add(client.get(key));
        }
        cluster.stop(victimIndex);
        for (String key : keys.subList(REQUESTS_PER_PHASE, keys.size())) {
            reads.add(client.get(key));
        }

        int servedElsewhere = 0;
        for (int i = 0; i < reads.size(); i++) {
            Outcome<GetResult> outcome = Outcome.of(reads.get(i));
            assertThat(outcome.failure()).as("read of %s", keys.get(i)).isNull();
            assertThat(outcome.value().valueAsString()).isEqualTo(keys.get(i));
            if (!outcome.value().coordinator().equals(victim)) {
                servedElsewhere++;
            }
        }
        System.out.printf(
                "failover reads: %d of %d coordinated by another replica than %s%n",
                servedElsewhere, reads.size(), victim);
        assertThat(servedElsewhere).isGreaterThanOrEqualTo(REQUESTS_PER_PHASE);
    }

    @Test
    void should_report_each_write_as_applied_or_with_a_truthful_definite_or_unknown_failure() {
        List<String> keys = TestKeys.firstReplicaOn(cluster.ring(), victim, "write", 2 * REQUESTS_PER_PHASE);

        List<CompletionStage<PutResult>> writes = new ArrayList<>();
        for (String key : keys.subList(0, REQUESTS_PER_PHASE)) {
            writes.add(client.put(key, key, CausalContext.NONE));
        }
        cluster.stop(victimIndex);
        for (String key : keys.subList(REQUESTS_PER_PHASE, keys.size())) {
            writes.add(client.put(key, key, CausalContext.NONE));
        }

        int applied = 0;
        int definite = 0;
        int unknown = 0;
        for (int i = 0; i < writes.size(); i++) {
            String key = keys.get(i);
            Outcome<PutResult> outcome = Outcome.of(writes.get(i));
            GetResult stored = client.blocking().get(key);
            if (outcome.succeeded()) {
                applied++;
                assertThat(stored.found()).as("acknowledged write of %s", key).isTrue();
            } else if (outcome.failure().definitelyNotApplied()) {
                definite++;
                assertThat(stored.found())
                        .as("write of %s reported as definitely not applied: %s", key, outcome.failure())
                        .isFalse();
            } else {
                unknown++;
                assertThat(outcome.failure())
                        .isInstanceOfAny(ConnectionLostException.class, RequestTimeoutException.class);
            }
            if (i >= REQUESTS_PER_PHASE) {
                // Sent after the kill: the dead coordinator never got it, so another replica must take it.
                assertThat(outcome.failure())
                        .as("write of %s after the kill", key)
                        .isNull();
                assertThat(outcome.value().coordinator()).isNotEqualTo(victim);
            }
        }
        System.out.printf(
                "failover writes: %d applied, %d definitely not applied, %d unknown%n", applied, definite, unknown);
        assertThat(applied + definite + unknown).isEqualTo(writes.size());
    }
}
