package io.ringkv.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ringkv.client.error.NoReachableNodeException;
import io.ringkv.client.testing.FakeCluster;
import io.ringkv.client.testing.FakeNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopologyTest {

    private final FakeCluster cluster = FakeCluster.start(3);

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void should_bootstrap_from_a_later_seed_when_the_first_seeds_are_down() {
        try (RingKvClient client = RingKvClient.builder()
                .seeds("127.0.0.1:" + FakeCluster.unusedPort(), "127.0.0.1:" + FakeCluster.unusedPort())
                .seeds(cluster.node(2).address())
                .randomSeed(7)
                .build()) {
            assertThat(client.ringVersion()).isEqualTo(1);
            assertThat(client.blocking().put("k", "v", CausalContext.NONE).coordinator())
                    .isEqualTo(cluster.replicasOf("k").get(0));
        }
    }

    @Test
    void should_fail_to_build_with_what_each_seed_did_when_no_seed_answers() {
        String deadSeed = "127.0.0.1:" + FakeCluster.unusedPort();

        assertThatThrownBy(() -> RingKvClient.builder()
                        .seeds(deadSeed)
                        .bootstrapTimeout(Duration.ofMillis(400))
                        .randomSeed(7)
                        .build())
                .isInstanceOfSatisfying(NoReachableNodeException.class, error -> {
                    assertThat(error.failures()).containsKey(deadSeed);
                    assertThat(error.definitelyNotApplied()).isTrue();
                });
    }

    @Test
    void should_refresh_the_ring_when_a_reply_carries_a_newer_version() {
        try (RingKvClient client = cluster.client()) {
            String target = "node-3";
            cluster.giveEverythingTo(target, 2);

            // Served by the old owner, whose reply announces version 2.
            client.blocking().put("k", "v", CausalContext.NONE);

            await().atMost(Duration.ofSeconds(3)).until(() -> client.ringVersion() == 2);
            for (int i = 0; i < 20; i++) {
                assertThat(client.blocking().get("key-" + i).coordinator()).isEqualTo(target);
            }
        }
    }

    @Test
    void should_coalesce_the_refreshes_that_many_replies_trigger() {
        try (RingKvClient client = cluster.client()) {
            int before = snapshotRequests();
            cluster.giveEverythingTo("node-1", 2);

            List<CompletableFuture<GetResult>> reads = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                reads.add(client.get("key-" + i).toCompletableFuture());
            }
            reads.forEach(CompletableFuture::join);
            await().atMost(Duration.ofSeconds(3)).until(() -> client.ringVersion() == 2);

            assertThat(snapshotRequests() - before).isBetween(1, 2);
        }
    }

    @Test
    void should_refresh_periodically_without_any_traffic() {
        try (RingKvClient client = cluster.clientBuilder()
                .ringRefreshInterval(Duration.ofMillis(100))
                .build()) {
            cluster.giveEverythingTo("node-2", 5);

            await().atMost(Duration.ofSeconds(3)).until(() -> client.ringVersion() == 5);
        }
    }

    @Test
    void should_keep_refreshing_from_other_nodes_after_its_only_seed_died() {
        FakeNode seed = cluster.node(1);
        try (RingKvClient client = RingKvClient.builder()
                .seeds(seed.address())
                .ringRefreshInterval(Duration.ofMillis(100))
                .randomSeed(11)
                .build()) {
            seed.stop();
            cluster.setAlive(seed.nodeId(), false);
            cluster.giveEverythingTo("node-2", 3);

            await().atMost(Duration.ofSeconds(5)).until(() -> client.ringVersion() == 3);
            assertThat(client.blocking().put("k", "v", CausalContext.NONE).coordinator())
                    .isEqualTo("node-2");
        }
    }

    @Test
    void should_ignore_an_older_ring_than_the_one_it_has() {
        cluster.giveEverythingTo("node-1", 4);
        try (RingKvClient client = cluster.clientBuilder()
                .ringRefreshInterval(Duration.ofMillis(50))
                .build()) {
            cluster.giveEverythingTo("node-2", 3);
            int before = snapshotRequests();
            await().atMost(Duration.ofSeconds(3)).until(() -> snapshotRequests() >= before + 2);

            assertThat(client.ringVersion()).isEqualTo(4);
            assertThat(client.replicasOf("k".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .containsExactly("node-1");
        }
    }

    private int snapshotRequests() {
        return cluster.nodes().stream().mapToInt(FakeNode::snapshotRequests).sum();
    }
}
