package io.ringkv.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ringkv.client.config.BackpressureMode;
import io.ringkv.client.config.ConnectionConfig;
import io.ringkv.client.error.ClientClosedException;
import io.ringkv.client.testing.FakeCluster;
import io.ringkv.client.testing.FakeNode;
import io.ringkv.client.testing.Responder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientCloseTest {

    private final FakeCluster cluster = FakeCluster.start(1, 1);
    private final FakeNode node = cluster.node(1);

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void should_fail_pending_operations_with_client_closed_telling_sent_writes_apart() {
        node.respondWith(Responder.SILENT);
        RingKvClient client = cluster.clientBuilder()
                .requestTimeout(Duration.ofSeconds(30))
                .connection(ConnectionConfig.DEFAULT
                        .withMaxInFlightPerNode(2)
                        .withBackpressure(BackpressureMode.WAIT)
                        .withMaxQueueWait(Duration.ofSeconds(30)))
                .build();
        CompletableFuture<GetResult> read = client.get("a").toCompletableFuture();
        CompletableFuture<PutResult> sentWrite =
                client.put("b", "v", CausalContext.NONE).toCompletableFuture();
        await().until(() -> node.received().size() == 2);
        CompletableFuture<PutResult> queuedWrite =
                client.put("c", "v", CausalContext.NONE).toCompletableFuture();
        await().until(() -> client.core().pools().get("node-1").queued() == 1);

        client.close();

        assertClosed(read, true);
        assertClosed(sentWrite, false);
        assertClosed(queuedWrite, true);
        assertThat(client.core().runner().activeCount()).isZero();
    }

    @Test
    void should_refuse_operations_after_close() {
        RingKvClient client = cluster.client();
        client.close();

        assertClosed(client.get("a").toCompletableFuture(), true);
        assertClosed(client.put("a", "v", CausalContext.NONE).toCompletableFuture(), true);
        client.close();
    }

    @Test
    void should_end_an_update_that_is_retrying_when_the_client_closes() {
        node.respondWith(exchange -> {
            if (exchange.body() instanceof io.ringkv.protocol.message.PutRequest) {
                exchange.reply(io.ringkv.protocol.message.ErrorReply.of(
                        io.ringkv.protocol.ErrorCode.UNAVAILABLE, "not now", true));
            } else {
                exchange.reply(exchange.defaultReply());
            }
        });
        RingKvClient client = cluster.clientBuilder().updateAttempts(100).build();
        CompletableFuture<PutResult> update = client.update(
                        "k", SiblingResolvers.lastWriteWins(), value -> new byte[] {1}, WriteOptions.DEFAULT)
                .toCompletableFuture();
        await().until(() -> node.received().size() >= 6);

        client.close();

        await().atMost(Duration.ofSeconds(2)).until(update::isDone);
        assertThat(update)
                .failsWithin(Duration.ZERO)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .isInstanceOf(ClientClosedException.class);
    }

    private static void assertClosed(CompletableFuture<?> future, boolean definitelyNotApplied) {
        await().atMost(Duration.ofSeconds(2)).until(future::isDone);
        assertThat(future)
                .failsWithin(Duration.ZERO)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(
                        ClientClosedException.class,
                        closed -> assertThat(closed.definitelyNotApplied()).isEqualTo(definitelyNotApplied));
    }
}
