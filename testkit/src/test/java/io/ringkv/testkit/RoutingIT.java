package io.ringkv.testkit;

import static io.ringkv.testkit.TestKeys.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.CausalContext;
import io.ringkv.client.RingKvClient;
import io.ringkv.ring.RingSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Token-aware routing against a real, stable cluster: the client computes every key's preference list
 * itself, so each request lands on one of the key's replicas and no node has to forward it.
 */
@RingKvCluster(nodes = 5, replicationFactor = 3, partitionCount = 64)
class RoutingIT {

    private static final int REQUESTS = 10_000;
    private static final int CONCURRENCY = 64;

    @Test
    void should_send_every_request_to_a_replica_of_its_key_so_that_no_node_forwards(EmbeddedRingKvCluster cluster) {
        RingKvClient client = cluster.newClient(builder -> builder.randomSeed(42));
        RingSnapshot serverRing = cluster.ring();
        assertThat(client.ringVersion()).isEqualTo(serverRing.version());
        long forwardedBefore = cluster.sumOfNodeMetric("forwarded_requests");

        List<String> misrouted = new ArrayList<>();
        int half = REQUESTS / 2;
        for (int start = 0; start < REQUESTS; start += CONCURRENCY) {
            List<CompletableFuture<String>> window = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int i = start; i < Math.min(start + CONCURRENCY, REQUESTS); i++) {
                // First half writes distinct keys, second half reads them back.
                String key = "routing-" + (i % half);
                keys.add(key);
                window.add(
                        i < half
                                ? client.put(key, "v" + i, CausalContext.NONE)
                                        .thenApply(put -> put.coordinator())
                                        .toCompletableFuture()
                                : client.get(key)
                                        .thenApply(read -> read.coordinator())
                                        .toCompletableFuture());
            }
            for (int i = 0; i < window.size(); i++) {
                String coordinator = window.get(i).join();
                List<String> replicas = serverRing.preferenceListForKey(utf8(keys.get(i)));
                if (!replicas.contains(coordinator)) {
                    misrouted.add(keys.get(i) + " coordinated by " + coordinator + ", replicas " + replicas);
                }
            }
        }

        long forwarded = cluster.sumOfNodeMetric("forwarded_requests") - forwardedBefore;
        System.out.printf(
                "routing: %d requests, %d forwarded by nodes, %d misrouted%n", REQUESTS, forwarded, misrouted.size());
        assertThat(misrouted).isEmpty();
        assertThat(forwarded).isZero();
    }
}
