package io.ringkv.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.causal.ActorId;
import io.ringkv.causal.Dot;
import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSets;
import io.ringkv.causal.Version;
import io.ringkv.causal.VersionVector;
import io.ringkv.server.storage.memory.InMemoryStorageEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReplicaStoreTest {

    private static final ActorId NODE_A = new ActorId("a", 1);
    private static final ActorId NODE_B = new ActorId("b", 1);
    private static final StorageKey OTHER_KEY = new StorageKey(3, 100L, "other".getBytes(StandardCharsets.UTF_8));
    private static final ActorId[] ACTORS = {NODE_A, NODE_B, new ActorId("c", 1)};
    private static final StorageKey KEY = new StorageKey(3, 99L, "cart".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dataDirectory;

    @Test
    void should_store_the_incoming_set_of_a_new_key() {
        ReplicaStore store = new ReplicaStore(new InMemoryStorageEngine());
        SiblingSet written = set(Map.of(NODE_A, 1L), version(NODE_A, 1));

        assertThat(store.read(KEY)).isEmpty();
        assertThat(store.apply(KEY, written).join()).isEqualTo(written);
        assertThat(store.read(KEY)).hasValue(written);
    }

    @Test
    void should_keep_both_siblings_when_contexts_are_concurrent() {
        ReplicaStore store = new ReplicaStore(new InMemoryStorageEngine());
        SiblingSet fromA = set(Map.of(NODE_A, 1L), version(NODE_A, 1));
        SiblingSet fromB = set(Map.of(NODE_B, 1L), version(NODE_B, 1));

        store.apply(KEY, fromA).join();
        SiblingSet merged = store.apply(KEY, fromB).join();

        assertThat(merged.versions()).containsExactly(version(NODE_A, 1), version(NODE_B, 1));
        assertThat(store.read(KEY)).hasValue(merged);
    }

    @Test
    void should_not_write_when_the_incoming_set_adds_nothing() {
        CountingEngine engine = new CountingEngine();
        ReplicaStore store = new ReplicaStore(engine);
        SiblingSet newer = set(Map.of(NODE_A, 2L), version(NODE_A, 2));
        SiblingSet older = set(Map.of(NODE_A, 1L), version(NODE_A, 1));

        store.apply(KEY, newer).join();
        SiblingSet afterOlder = store.apply(KEY, older).join();
        store.apply(KEY, newer).join();
        store.apply(new StorageKey(1, 1L, new byte[] {1}), SiblingSet.EMPTY).join();

        assertThat(afterOlder).isEqualTo(newer);
        assertThat(engine.puts).hasValue(1);
    }

    @Test
    void should_acknowledge_an_unchanged_apply_only_once_the_write_it_relies_on_is_durable() {
        CountingEngine engine = new CountingEngine();
        engine.holdAcknowledgements = true;
        ReplicaStore store = new ReplicaStore(engine);
        SiblingSet written = set(Map.of(NODE_A, 1L), version(NODE_A, 1));

        CompletableFuture<SiblingSet> first = store.apply(KEY, written);
        CompletableFuture<SiblingSet> retry = store.apply(KEY, written);

        assertThat(engine.puts).hasValue(1);
        assertThat(first).isNotDone();
        assertThat(retry).as("the stored set is not durable yet").isNotDone();
        engine.acknowledgeAll();
        assertThat(retry).succeedsWithin(Duration.ofSeconds(1)).isEqualTo(written);
        assertThat(store.apply(KEY, written)).as("nothing pending any more").isCompletedWithValue(written);
    }

    @Test
    void should_answer_a_read_from_memory_without_handing_it_to_the_blocking_executor() {
        ReplicaStore store = new ReplicaStore(new InMemoryStorageEngine());
        SiblingSet written = set(Map.of(NODE_A, 1L), version(NODE_A, 1));
        store.apply(KEY, written).join();
        Executor refusing = task -> {
            throw new AssertionError("a read the engine had in memory went to the executor");
        };

        assertThat(store.readAsync(KEY, refusing)).isCompletedWithValue(Optional.of(written));
        assertThat(store.readAsync(OTHER_KEY, refusing)).isCompletedWithValue(Optional.empty());
    }

    @Test
    void should_read_on_the_blocking_executor_when_the_engine_would_need_io() {
        InMemoryStorageEngine memory = new InMemoryStorageEngine();
        ReplicaStore store = new ReplicaStore(new ForwardingEngine(memory));
        SiblingSet written = set(Map.of(NODE_A, 1L), version(NODE_A, 1));
        store.apply(KEY, written).join();
        AtomicInteger handedOff = new AtomicInteger();
        Executor counting = task -> {
            handedOff.incrementAndGet();
            task.run();
        };

        assertThat(store.readAsync(KEY, counting)).isCompletedWithValue(Optional.of(written));
        assertThat(handedOff).hasValue(1);
    }

    @Test
    void should_fail_a_memory_read_of_a_value_that_does_not_decode_without_throwing() {
        InMemoryStorageEngine engine = new InMemoryStorageEngine();
        engine.put(KEY, new byte[] {1, 2, 3, 4, 5}).join();
        ReplicaStore store = new ReplicaStore(engine);

        assertFailsWithStorageException(store.readAsync(KEY, Runnable::run));
        assertFailsWithStorageException(store.readEncodedAsync(KEY, Runnable::run));
    }

    @Test
    void should_fail_a_memory_read_of_a_closed_engine_without_throwing() {
        ReplicaStore store = new ReplicaStore(new ForwardingEngine(new InMemoryStorageEngine()) {
            @Override
            public MemoryLookup lookupInMemory(StorageKey key) {
                throw new StorageException("closed");
            }
        });

        assertFailsWithStorageException(store.readAsync(KEY, Runnable::run));
    }

    @Test
    void should_hand_out_the_stored_bytes_of_a_set_as_they_are() {
        InMemoryStorageEngine engine = new InMemoryStorageEngine();
        ReplicaStore store = new ReplicaStore(engine);
        store.apply(KEY, set(Map.of(NODE_A, 1L), version(NODE_A, 1))).join();
        byte[] stored = engine.get(KEY).orElseThrow();

        assertThat(store.readEncodedAsync(KEY, Runnable::run).join())
                .hasValueSatisfying(bytes -> assertThat(bytes).isSameAs(stored));
        assertThat(store.readEncodedAsync(OTHER_KEY, Runnable::run)).isCompletedWithValue(Optional.empty());
    }

    private static void assertFailsWithStorageException(CompletableFuture<?> read) {
        assertThat(read)
                .failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(ExecutionException.class)
                .withCauseExactlyInstanceOf(StorageException.class);
    }

    @Test
    void should_refuse_to_touch_a_stored_value_that_does_not_decode() {
        InMemoryStorageEngine engine = new InMemoryStorageEngine();
        byte[] garbage = {1, 2, 3, 4, 5};
        engine.put(KEY, garbage).join();
        ReplicaStore store = new ReplicaStore(engine);

        assertThatThrownBy(() -> store.apply(KEY, set(Map.of(NODE_A, 1L), version(NODE_A, 1))))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("\"cart\"")
                .hasMessageContaining("left untouched");
        assertThatThrownBy(() -> store.read(KEY)).isExactlyInstanceOf(StorageException.class);
        assertThat(engine.get(KEY))
                .hasValueSatisfying(value -> assertThat(value).isEqualTo(garbage));
    }

    @Test
    void should_write_the_result_of_an_update_run_under_the_key_lock() {
        ReplicaStore store = new ReplicaStore(new InMemoryStorageEngine());
        store.apply(KEY, set(Map.of(NODE_A, 1L), version(NODE_A, 1))).join();

        SiblingSet replaced = store.update(KEY, stored -> {
                    long next = stored.context().counter(NODE_A) + 1;
                    return set(Map.of(NODE_A, next), version(NODE_A, next));
                })
                .join();

        assertThat(replaced.versions()).containsExactly(version(NODE_A, 2));
        assertThat(store.read(KEY)).hasValue(replaced);
        assertThatThrownBy(() -> new ReplicaStore(new InMemoryStorageEngine(), 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_end_with_the_sequential_merge_of_all_sets_however_threads_interleave() throws Exception {
        for (long seed = 1; seed <= 20; seed++) {
            checkConcurrentAppliesEqualSequentialMerges(new InterleavingEngine(), seed, 8, 60);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = EngineKind.class,
            names = {"MAPDB", "ROCKSDB"})
    void should_not_lose_versions_under_concurrent_applies_with_group_commit(EngineKind kind) throws Exception {
        for (long seed = 100; seed <= 102; seed++) {
            Path directory = dataDirectory.resolve("seed-" + seed);
            try (StorageEngine engine = StorageEngines.open(StorageConfig.of(kind, directory))) {
                checkConcurrentAppliesEqualSequentialMerges(engine, seed, 8, 25);
            }
        }
    }

    /**
     * Threads apply random sets to a few keys at once; afterwards each key must hold exactly the merge
     * of every set applied to it, as if they had been applied one by one (merge is a join).
     */
    private static void checkConcurrentAppliesEqualSequentialMerges(
            StorageEngine engine, long seed, int threadCount, int appliesPerThread) throws Exception {
        ReplicaStore store = new ReplicaStore(engine, 4);
        Random random = new Random(seed);
        List<StorageKey> keys = List.of(
                new StorageKey(0, 1L, new byte[] {1}),
                new StorageKey(0, 2L, new byte[] {2}),
                new StorageKey(7, 3L, new byte[] {3}));
        List<List<Applied>> plans = new ArrayList<>();
        for (int thread = 0; thread < threadCount; thread++) {
            List<Applied> plan = new ArrayList<>();
            for (int i = 0; i < appliesPerThread; i++) {
                plan.add(new Applied(keys.get(random.nextInt(keys.size())), randomSet(random)));
            }
            plans.add(plan);
        }
        List<CompletableFuture<SiblingSet>> acknowledgements = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(threadCount);
        try {
            List<Future<?>> running = new ArrayList<>();
            CyclicBarrier start = new CyclicBarrier(threadCount);
            for (List<Applied> plan : plans) {
                running.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    plan.forEach(applied -> acknowledgements.add(store.apply(applied.key(), applied.set())));
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdown();
        }
        CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new))
                .get(30, TimeUnit.SECONDS);

        for (StorageKey key : keys) {
            SiblingSet expected = SiblingSet.EMPTY;
            for (List<Applied> plan : plans) {
                for (Applied applied : plan) {
                    if (applied.key().equals(key)) {
                        expected = SiblingSets.merge(expected, applied.set());
                    }
                }
            }
            Optional<SiblingSet> stored = store.read(key);
            assertThat(stored.orElse(SiblingSet.EMPTY))
                    .as("seed %d, %s", seed, key)
                    .isEqualTo(expected);
        }
    }

    /**
     * A set a replica could hold: a random context over three actors and, per actor, possibly its
     * latest write and the one before. A dot always carries the same value, as real dots do.
     */
    private static SiblingSet randomSet(Random random) {
        Map<ActorId, Long> context = new TreeMap<>();
        List<Version> versions = new ArrayList<>();
        for (ActorId actor : ACTORS) {
            long counter = random.nextInt(7);
            if (counter == 0) {
                continue;
            }
            context.put(actor, counter);
            if (random.nextInt(10) < 6) {
                versions.add(version(actor, counter));
            }
            if (counter > 1 && random.nextInt(10) < 2) {
                versions.add(version(actor, counter - 1));
            }
        }
        return new SiblingSet(versions, VersionVector.of(context));
    }

    private static SiblingSet set(Map<ActorId, Long> context, Version... versions) {
        return new SiblingSet(List.of(versions), VersionVector.of(context));
    }

    private static Version version(ActorId actor, long counter) {
        Dot dot = new Dot(actor, counter);
        return counter % 5 == 0
                ? Version.tombstone(dot, counter)
                : Version.of(dot, dot.toString().getBytes(StandardCharsets.UTF_8), counter);
    }

    private record Applied(StorageKey key, SiblingSet set) {}

    /** An in-memory engine that yields after each read, so that racing read-merge-writes interleave often. */
    private static final class InterleavingEngine extends ForwardingEngine {
        InterleavingEngine() {
            super(new InMemoryStorageEngine());
        }

        @Override
        public Optional<byte[]> get(StorageKey key) {
            Optional<byte[]> stored = super.get(key);
            for (int i = 0; i < 10; i++) {
                Thread.yield();
            }
            return stored;
        }
    }

    /** An in-memory engine that counts puts and can hold their acknowledgements back. */
    private static final class CountingEngine extends ForwardingEngine {
        final AtomicInteger puts = new AtomicInteger();
        final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();
        volatile boolean holdAcknowledgements;

        CountingEngine() {
            super(new InMemoryStorageEngine());
        }

        @Override
        public CompletableFuture<Void> put(StorageKey key, byte[] value) {
            puts.incrementAndGet();
            CompletableFuture<Void> written = super.put(key, value);
            if (!holdAcknowledgements) {
                return written;
            }
            CompletableFuture<Void> acknowledgement = new CompletableFuture<>();
            held.add(acknowledgement);
            return acknowledgement;
        }

        void acknowledgeAll() {
            held.forEach(acknowledgement -> acknowledgement.complete(null));
        }
    }
}
