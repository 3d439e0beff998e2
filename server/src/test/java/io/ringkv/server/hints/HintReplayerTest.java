package io.ringkv.server.hints;

import static io.ringkv.server.hints.HintStoreTest.join;
import static io.ringkv.server.hints.HintTestData.blindWrite;
import static io.ringkv.server.hints.HintTestData.key;
import static io.ringkv.server.hints.HintTestData.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ringkv.causal.SiblingSet;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HintReplayerTest {

    /** Batches of 4, and an interval so long that only the test starts passes, unless it says otherwise. */
    private static final HintConfig CONFIG = new HintConfig(60_000, 1 << 20, 3_600_000, 4);

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path directory;

    private final ManualClock clock = new ManualClock();
    private final FakeHintDelivery delivery = new FakeHintDelivery();
    private final Set<String> alive = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private HintStore store;
    private HintReplayer replayer;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (replayer != null) {
            replayer.close();
        }
        if (store != null) {
            store.close();
        }
        scheduler.shutdown();
        assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void should_deliver_every_hint_of_an_alive_owner_batch_after_batch_and_delete_it() {
        start(CONFIG);
        alive.add("node-b");
        for (int i = 0; i < 10; i++) {
            add("node-b", "k" + i, blindWrite("node-a", "v" + i));
        }

        replayNow();

        assertThat(delivery.calls()).hasSize(10);
        assertThat(delivery.calls())
                .extracting(FakeHintDelivery.Delivery::owner)
                .containsOnly("node-b");
        for (int i = 0; i < 10; i++) {
            StorageKey expectedKey = key("k" + i);
            assertThat(delivery.calls())
                    .filteredOn(call -> call.key().equals(expectedKey))
                    .singleElement()
                    .extracting(call -> values(call.set()))
                    .isEqualTo(List.of("v" + i));
        }
        assertThat(store.pendingCount()).isZero();
        assertThat(replayer.counters()).isEqualTo(new HintReplayCounters(10, 0, 0));
    }

    @Test
    void should_delete_nothing_when_every_delivery_fails_and_deliver_at_the_next_pass() {
        start(CONFIG);
        alive.add("node-b");
        for (int i = 0; i < 3; i++) {
            add("node-b", "k" + i, blindWrite("node-a", "v" + i));
        }
        delivery.failWhen((owner, key) -> true);

        replayNow();

        assertThat(store.pendingCount("node-b")).isEqualTo(3);
        assertThat(replayer.counters()).isEqualTo(new HintReplayCounters(0, 3, 0));

        delivery.failWhen((owner, key) -> false);
        replayNow();

        assertThat(store.pendingCount()).isZero();
        assertThat(delivery.acknowledged()).hasSize(3);
        assertThat(replayer.counters()).isEqualTo(new HintReplayCounters(3, 3, 0));
    }

    @Test
    void should_delete_only_the_hints_whose_delivery_succeeded_and_stop_the_pass_at_a_failure() {
        start(CONFIG);
        alive.add("node-b");
        for (int i = 0; i < 8; i++) {
            add("node-b", "k" + i, blindWrite("node-a", "v" + i));
        }
        delivery.failWhen((owner, key) -> key.equals(key("k1")));

        replayNow();

        assertThat(store.oldest("node-b", 10))
                .as("the first batch of 4 lost k1 only; the second batch was not started")
                .extracting(Hint::key)
                .containsExactly(key("k1"), key("k4"), key("k5"), key("k6"), key("k7"));
        assertThat(delivery.calls()).hasSize(4);
        assertThat(replayer.counters()).isEqualTo(new HintReplayCounters(3, 1, 0));
    }

    @Test
    void should_keep_a_hint_that_was_merged_into_during_its_delivery_and_deliver_it_again() {
        start(CONFIG);
        alive.add("node-b");
        add("node-b", "k", blindWrite("node-a", "first"));
        delivery.hold(true);

        CompletionStage<Void> pass = replayer.replayNow();
        await().atMost(WAIT).until(() -> delivery.pending().size() == 1);
        add("node-b", "k", blindWrite("node-c", "second"));
        delivery.acknowledge(delivery.pending().get(0));
        pass.toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join();

        assertThat(store.pendingCount()).isEqualTo(1);
        assertThat(values(store.oldest("node-b", 1).get(0).set())).containsExactlyInAnyOrder("first", "second");

        delivery.hold(false);
        replayNow();

        assertThat(store.pendingCount()).isZero();
        assertThat(delivery.acknowledged()).hasSize(2);
        assertThat(values(delivery.acknowledged().get(1).set())).containsExactlyInAnyOrder("first", "second");
        assertThat(replayer.counters()).isEqualTo(new HintReplayCounters(2, 0, 0));
    }

    @Test
    void should_skip_owners_that_are_not_alive() {
        start(CONFIG);
        alive.add("node-b");
        add("node-b", "k", blindWrite("node-a", "v"));
        add("node-c", "k", blindWrite("node-a", "v"));

        replayNow();

        assertThat(delivery.calls())
                .extracting(FakeHintDelivery.Delivery::owner)
                .containsExactly("node-b");
        assertThat(store.owners()).containsExactly("node-c");
        assertThat(store.pendingCount("node-c")).isEqualTo(1);
    }

    @Test
    void should_replay_at_once_when_an_owner_comes_alive_without_waiting_for_the_interval() {
        start(CONFIG);
        replayer.start();
        add("node-b", "k", blindWrite("node-a", "v"));

        alive.add("node-b");
        replayer.ownerAlive("node-b");

        await().atMost(WAIT).until(() -> store.pendingCount() == 0);
        assertThat(delivery.acknowledged()).hasSize(1);
    }

    @Test
    void should_replay_every_interval_once_started() {
        start(new HintConfig(60_000, 1 << 20, 20, 4));
        alive.add("node-b");
        replayer.start();

        add("node-b", "k1", blindWrite("node-a", "v1"));
        await().atMost(WAIT).until(() -> store.pendingCount() == 0);
        add("node-b", "k2", blindWrite("node-a", "v2"));
        await().atMost(WAIT).until(() -> store.pendingCount() == 0);

        assertThat(delivery.acknowledged()).hasSize(2);
    }

    @Test
    void should_drop_expired_hints_at_each_pass_without_delivering_them() {
        start(CONFIG);
        add("node-c", "k", blindWrite("node-a", "v"));
        clock.advance(Duration.ofMillis(CONFIG.maxAgeMillis() + 1));
        alive.add("node-c");

        replayNow();

        assertThat(store.pendingCount()).isZero();
        assertThat(delivery.calls()).isEmpty();
        assertThat(replayer.counters()).isEqualTo(new HintReplayCounters(0, 0, 1));
    }

    @Test
    void should_run_at_most_one_pass_per_owner_at_a_time() throws Exception {
        start(CONFIG);
        alive.add("node-b");
        add("node-b", "k1", blindWrite("node-a", "v1"));
        add("node-b", "k2", blindWrite("node-a", "v2"));
        delivery.hold(true);
        CompletionStage<Void> first = replayer.replayNow();
        await().atMost(WAIT).until(() -> delivery.pending().size() == 2);

        replayer.ownerAlive("node-b");
        // The scheduler runs one task at a time, in order: once this one ran, so did the trigger above.
        scheduler.submit(() -> {}).get(5, TimeUnit.SECONDS);

        assertThat(delivery.calls()).as("the trigger joined the pass in flight").hasSize(2);
        delivery.pending().forEach(delivery::acknowledge);
        first.toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(store.pendingCount()).isZero();
        assertThat(delivery.calls()).hasSize(2);
    }

    @Test
    void should_start_no_pass_once_closed() throws Exception {
        start(CONFIG);
        alive.add("node-b");
        add("node-b", "k", blindWrite("node-a", "v"));

        replayer.close();
        replayNow();
        replayer.ownerAlive("node-b");
        scheduler.submit(() -> {}).get(5, TimeUnit.SECONDS);

        assertThat(delivery.calls()).isEmpty();
        assertThat(store.pendingCount()).isEqualTo(1);
    }

    private void start(HintConfig config) {
        store = HintStore.open(directory, config, clock);
        replayer = new HintReplayer(store, delivery, config, alive::contains, scheduler, clock);
    }

    private void add(String owner, String key, SiblingSet set) {
        join(store.add(owner, key(key), set));
    }

    private void replayNow() {
        replayer.replayNow()
                .toCompletableFuture()
                .orTimeout(5, TimeUnit.SECONDS)
                .join();
    }
}
