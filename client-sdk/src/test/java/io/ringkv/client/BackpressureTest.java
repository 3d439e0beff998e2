package io.ringkv.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ringkv.client.config.BackpressureMode;
import io.ringkv.client.config.ConnectionConfig;
import io.ringkv.client.error.OverloadedException;
import io.ringkv.client.internal.pool.NodePool;
import io.ringkv.client.testing.FakeCluster;
import io.ringkv.client.testing.FakeExchange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackpressureTest {

    /** One node holding every key, so every request competes for the same slots. */
    private final FakeCluster cluster = FakeCluster.start(1, 1);

    private final BlockingQueue<FakeExchange> held = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        cluster.close();
    }

    private RingKvClient client(ConnectionConfig connection) {
        cluster.node(1).respondWith(held::add);
        return cluster.clientBuilder().connection(connection).build();
    }

    @Test
    void should_refuse_at_once_beyond_the_in_flight_bound_in_fail_fast_mode() throws Exception {
        try (RingKvClient client = client(ConnectionConfig.DEFAULT.withMaxInFlightPerNode(2))) {
            CompletableFuture<GetResult> first = client.get("a").toCompletableFuture();
            CompletableFuture<GetResult> second = client.get("b").toCompletableFuture();
            awaitHeld(2);

            assertThatThrownBy(() -> client.blocking().put("c", "v", CausalContext.NONE))
                    .isInstanceOfSatisfying(OverloadedException.class, overloaded -> {
                        assertThat(overloaded.clientSide()).isTrue();
                        assertThat(overloaded.definitelyNotApplied()).isTrue();
                    });
            assertThat(pool(client).inFlight()).isEqualTo(2);

            answerNext();
            await().atMost(Duration.ofSeconds(2)).until(() -> first.isDone() != second.isDone());
            // The answered read freed its slot: the next request is sent.
            CompletableFuture<GetResult> third = client.get("d").toCompletableFuture();
            awaitHeld(2);
            assertThat(pool(client).inFlight()).isEqualTo(2);
            answerAll();
            assertThat(third.get(2, TimeUnit.SECONDS).found()).isFalse();
        }
    }

    @Test
    void should_wait_for_a_slot_with_a_bounded_queue_in_wait_mode() throws Exception {
        ConnectionConfig waiting = ConnectionConfig.DEFAULT
                .withMaxInFlightPerNode(2)
                .withBackpressure(BackpressureMode.WAIT)
                .withMaxQueuedPerNode(1)
                .withMaxQueueWait(Duration.ofSeconds(5));
        try (RingKvClient client = client(waiting)) {
            List<CompletableFuture<GetResult>> inFlight = new ArrayList<>();
            inFlight.add(client.get("a").toCompletableFuture());
            inFlight.add(client.get("b").toCompletableFuture());
            awaitHeld(2);
            CompletableFuture<GetResult> queued = client.get("c").toCompletableFuture();
            await().until(() -> pool(client).queued() == 1);

            assertThatThrownBy(() -> client.blocking().get("d"))
                    .as("the queue is full")
                    .isInstanceOf(OverloadedException.class);

            answerNext();
            // The freed slot goes to the queued read, which is sent and answered in turn.
            awaitHeld(2);
            assertThat(pool(client).queued()).isZero();
            answerAll();
            assertThat(queued.get(2, TimeUnit.SECONDS).found()).isFalse();
            assertThat(pool(client).inFlight()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void should_give_up_waiting_after_the_maximum_wait() {
        ConnectionConfig waiting = ConnectionConfig.DEFAULT
                .withMaxInFlightPerNode(1)
                .withBackpressure(BackpressureMode.WAIT)
                .withMaxQueuedPerNode(10)
                .withMaxQueueWait(Duration.ofMillis(100));
        try (RingKvClient client = client(waiting)) {
            client.get("a");
            awaitHeld(1);

            assertThatThrownBy(() -> client.blocking().put("b", "v", CausalContext.NONE))
                    .isInstanceOfSatisfying(OverloadedException.class, overloaded -> {
                        assertThat(overloaded.clientSide()).isTrue();
                        assertThat(overloaded.definitelyNotApplied()).isTrue();
                    });
            assertThat(pool(client).queued()).isZero();
            assertThat(held).hasSize(1);
        }
    }

    private NodePool pool(RingKvClient client) {
        return client.core().pools().get("node-1");
    }

    private void awaitHeld(int count) {
        await().atMost(Duration.ofSeconds(3)).until(() -> held.size() == count);
    }

    private void answerNext() throws InterruptedException {
        FakeExchange exchange = held.poll(2, TimeUnit.SECONDS);
        exchange.reply(exchange.defaultReply());
    }

    private void answerAll() {
        FakeExchange exchange;
        while ((exchange = held.poll()) != null) {
            exchange.reply(exchange.defaultReply());
        }
    }
}
