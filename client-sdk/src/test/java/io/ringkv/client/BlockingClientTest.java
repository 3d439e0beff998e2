package io.ringkv.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.testing.FakeCluster;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlockingClientTest {

    private final FakeCluster cluster = FakeCluster.start(3);

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void should_refuse_to_block_on_a_client_io_thread() throws Exception {
        try (RingKvClient client = cluster.client()) {
            CompletableFuture<Throwable> refusal = new CompletableFuture<>();
            client.get("k").whenComplete((read, error) -> {
                try {
                    client.blocking().get("other");
                    refusal.complete(null);
                } catch (RuntimeException expected) {
                    refusal.complete(expected);
                }
            });

            assertThat(refusal.get(2, TimeUnit.SECONDS))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("I/O thread");
        }
    }

    @Test
    void should_allow_chaining_asynchronous_operations_in_callbacks() throws Exception {
        try (RingKvClient client = cluster.client()) {
            GetResult read = client.put("k", "v1", CausalContext.NONE)
                    .thenCompose(put -> client.put("k", "v2", put.context()))
                    .thenCompose(put -> client.get("k"))
                    .toCompletableFuture()
                    .get(2, TimeUnit.SECONDS);

            assertThat(read.valueAsString()).isEqualTo("v2");
        }
    }
}
