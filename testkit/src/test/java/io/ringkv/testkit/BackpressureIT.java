package io.ringkv.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.CausalContext;
import io.ringkv.client.GetResult;
import io.ringkv.client.RingKvClient;
import io.ringkv.client.WriteOptions;
import io.ringkv.client.config.BackpressureMode;
import io.ringkv.client.config.ConnectionConfig;
import io.ringkv.client.error.OverloadedException;
import io.ringkv.client.error.RequestTimeoutException;
import io.ringkv.server.node.RingKvNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's per-node in-flight bound against real nodes. To hold slots for a known time, every node
 * is cut off from its peers: a read (R = 2) then waits at its coordinator until its budget runs out. With
 * every slot taken, the counts of refused, queued and sent requests follow from the bounds alone.
 */
class BackpressureIT {

    private static final int NODES = 3;
    private static final int MAX_IN_FLIGHT = 2;
    private static final int REQUESTS = 50;
    private static final String KEY = "backpressure";

    private static EmbeddedRingKvCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = EmbeddedRingKvCluster.builder()
                .nodes(NODES)
                .replicationFactor(3)
                .partitionCount(32)
                // Nodes cut off from each other must not convict each other during the test: a convicted
                // replica would make the coordinator answer UNAVAILABLE at once instead of holding the slot.
                .setting("gossip.phi-threshold", "300")
                .start();
        cluster.newClient().blocking().put(KEY, "v", CausalContext.NONE, WriteOptions.DEFAULT.withW(3));
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @AfterEach
    void heal() {
        for (RingKvNode node : cluster.runningNodes()) {
            node.linkFilter().heal();
        }
    }

    @Test
    void should_refuse_at_once_what_exceeds_the_bound_in_fail_fast_mode() {
        RingKvClient client = cluster.newClient(builder -> builder.randomSeed(3)
                .requestTimeout(Duration.ofSeconds(1))
                .maxInFlightPerNode(MAX_IN_FLIGHT, BackpressureMode.FAIL_FAST));
        client.blocking().get(KEY);
        isolateEveryNode();

        Counts counts = Counts.of(readsAtOnce(client));

        // Every key has all three nodes as replicas, so exactly NODES * MAX_IN_FLIGHT reads got a slot.
        System.out.println("fail-fast backpressure: " + counts);
        assertThat(counts.sent()).isEqualTo(NODES * MAX_IN_FLIGHT);
        assertThat(counts.refused()).isEqualTo(REQUESTS - NODES * MAX_IN_FLIGHT);
        assertThat(counts.other()).isEmpty();
    }

    @Test
    void should_queue_up_to_the_bound_and_refuse_the_rest_in_wait_mode() {
        int maxQueued = 3;
        RingKvClient client = cluster.newClient(builder -> builder.randomSeed(4)
                .requestTimeout(Duration.ofSeconds(1))
                .connection(new ConnectionConfig(
                        2,
                        MAX_IN_FLIGHT,
                        BackpressureMode.WAIT,
                        maxQueued,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(2))));
        client.blocking().get(KEY);
        isolateEveryNode();

        Counts counts = Counts.of(readsAtOnce(client));

        // Slots and queue places of all nodes are taken; only the reads beyond both were refused. The queued
        // ones waited for a slot until their budget ran out, so they end like the sent ones, in a timeout.
        System.out.println("wait backpressure: " + counts);
        assertThat(counts.refused()).isEqualTo(REQUESTS - NODES * (MAX_IN_FLIGHT + maxQueued));
        assertThat(counts.sent()).isEqualTo(NODES * (MAX_IN_FLIGHT + maxQueued));
        assertThat(counts.other()).isEmpty();
    }

    @Test
    void should_let_callers_wait_for_a_slot_instead_of_failing_in_wait_mode() {
        RingKvClient client = cluster.newClient(builder -> builder.randomSeed(5)
                .connection(new ConnectionConfig(
                        2, 1, BackpressureMode.WAIT, 1024, Duration.ofSeconds(5), Duration.ofSeconds(2))));

        List<CompletionStage<GetResult>> reads = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            reads.add(client.get(KEY));
        }

        for (CompletionStage<GetResult> read : reads) {
            Outcome<GetResult> outcome = Outcome.of(read);
            assertThat(outcome.failure()).isNull();
            assertThat(outcome.value().valueAsString()).isEqualTo("v");
        }
    }

    private static List<CompletionStage<GetResult>> readsAtOnce(RingKvClient client) {
        List<CompletionStage<GetResult>> reads = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            reads.add(client.get(KEY));
        }
        return reads;
    }

    private static void isolateEveryNode() {
        Set<String> all = new HashSet<>();
        for (RingKvNode node : cluster.runningNodes()) {
            all.add(node.nodeId());
        }
        for (RingKvNode node : cluster.runningNodes()) {
            Set<String> peers = new HashSet<>(all);
            peers.remove(node.nodeId());
            node.linkFilter().block(peers);
        }
    }

    /**
     * @param refused client-side refusals: never sent, definitely not applied
     * @param sent reads that got a slot (or a queue place) and ended in a timeout
     * @param other anything else, described
     */
    private record Counts(int refused, int sent, List<String> other) {

        static Counts of(List<CompletionStage<GetResult>> reads) {
            int refused = 0;
            int sent = 0;
            List<String> other = new ArrayList<>();
            for (CompletionStage<GetResult> read : reads) {
                Outcome<GetResult> outcome = Outcome.of(read);
                if (outcome.failure() instanceof OverloadedException overloaded
                        && overloaded.clientSide()
                        && overloaded.definitelyNotApplied()) {
                    refused++;
                } else if (outcome.failure() instanceof RequestTimeoutException) {
                    sent++;
                } else {
                    other.add(
                            outcome.succeeded() ? "success" : outcome.failure().toString());
                }
            }
            return new Counts(refused, sent, other);
        }
    }
}
