package io.ringkv.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@link StorageEngine} contract, checked for every engine under every sync policy. */
class StorageEngineContractTest {

    private static final int PARTITION_COUNT = 4096;

    @TempDir
    Path dataDirectory;

    private final List<StorageEngine> opened = new ArrayList<>();

    static Stream<Arguments> engines() {
        return Stream.of(
                Arguments.of(EngineKind.MAPDB, SyncPolicy.groupCommit()),
                Arguments.of(EngineKind.MAPDB, SyncPolicy.perWrite()),
                Arguments.of(EngineKind.ROCKSDB, SyncPolicy.groupCommit()),
                Arguments.of(EngineKind.ROCKSDB, SyncPolicy.perWrite()),
                Arguments.of(EngineKind.MEMORY, SyncPolicy.groupCommit()));
    }

    @AfterEach
    void closeEngines() {
        opened.forEach(StorageEngine::close);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("engines")
    void should_return_a_put_value_and_forget_a_removed_key(EngineKind kind, SyncPolicy policy) {
        StorageEngine engine = open(kind, policy);
        StorageKey key = key(7, 42L, "apple");

        assertThat(engine.get(key)).isEmpty();
        engine.put(key, bytes("red")).join();
        assertThat(engine.get(key))
                .hasValueSatisfying(value -> assertThat(value).isEqualTo(bytes("red")));

        engine.put(key, bytes("green")).join();
        assertThat(engine.get(key))
                .hasValueSatisfying(value -> assertThat(value).isEqualTo(bytes("green")));

        engine.remove(key).join();
        assertThat(engine.get(key)).isEmpty();
        engine.remove(key).join();
        assertThat(engine.get(key)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("engines")
    void should_scan_exactly_the_partition_in_token_then_key_order(EngineKind kind, SyncPolicy policy) {
        StorageEngine engine = open(kind, policy);
        long[] tokens = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, Long.MAX_VALUE};
        byte[][] userKeys = {new byte[0], {0x00}, {(byte) 0x80}, {(byte) 0xff, 0x00}};
        int[] partitions = {0, 1, 2, PARTITION_COUNT - 2, PARTITION_COUNT - 1, PARTITION_COUNT, Integer.MAX_VALUE};
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int partition : partitions) {
            for (long token : tokens) {
                for (byte[] userKey : userKeys) {
                    StorageKey key = new StorageKey(partition, token, userKey);
                    writes.add(engine.put(key, valueFor(key)));
                }
            }
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();

        for (int partition : partitions) {
            List<StorageKey> expected = new ArrayList<>();
            for (long token : tokens) {
                for (byte[] userKey : userKeys) {
                    expected.add(new StorageKey(partition, token, userKey));
                }
            }
            expected.sort(Comparator.comparingLong(StorageKey::token)
                    .thenComparing(StorageKey::key, UnsignedBytes.COMPARATOR));

            List<StoredEntry> scanned = drain(engine.scanPartition(partition));

            assertThat(scanned)
                    .extracting(StoredEntry::key)
                    .as("partition %d", partition)
                    .containsExactlyElementsOf(expected);
            assertThat(scanned).allSatisfy(entry -> assertThat(entry.value()).isEqualTo(valueFor(entry.key())));
        }
        assertThat(drain(engine.scanPartition(3))).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("engines")
    void should_resume_a_scan_strictly_after_the_last_received_key(EngineKind kind, SyncPolicy policy) {
        StorageEngine engine = open(kind, policy);
        Random random = new Random(11);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            StorageKey key = new StorageKey(5, random.nextLong(), bytes("k" + i));
            writes.add(engine.put(key, valueFor(key)));
            if (i % 3 == 0) {
                writes.add(engine.put(new StorageKey(4, random.nextLong(), bytes("x" + i)), bytes("neighbour")));
                writes.add(engine.put(new StorageKey(6, random.nextLong(), bytes("y" + i)), bytes("neighbour")));
            }
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        List<StoredEntry> full = drain(engine.scanPartition(5));

        List<StoredEntry> resumed = new ArrayList<>();
        byte[] lastKey = null;
        while (true) {
            try (CloseableIterator<StoredEntry> chunk =
                    lastKey == null ? engine.scanPartition(5) : engine.scanPartitionFrom(5, lastKey)) {
                int taken = 0;
                while (chunk.hasNext() && taken < 37) {
                    StoredEntry entry = chunk.next();
                    resumed.add(entry);
                    lastKey = entry.key().encode();
                    taken++;
                }
                if (taken < 37) {
                    break;
                }
            }
        }

        assertThat(full).hasSize(80);
        assertThat(resumed).containsExactlyElementsOf(full);
        assertThat(drain(engine.scanPartitionFrom(5, full.get(79).key().encode())))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("engines")
    void should_refuse_to_resume_from_a_key_of_another_partition(EngineKind kind, SyncPolicy policy) {
        StorageEngine engine = open(kind, policy);
        byte[] otherPartitionKey = key(9, 0L, "a").encode();

        assertThatThrownBy(() -> engine.scanPartitionFrom(8, otherPartitionKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partition 8");
        assertThatThrownBy(() -> engine.scanPartitionFrom(8, new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("engines")
    void should_see_its_own_write_before_the_write_is_durable(EngineKind kind, SyncPolicy policy) {
        StorageEngine engine = open(kind, policy);
        StorageKey key = key(1, 1L, "fresh");
        List<CompletableFuture<Void>> writes = new ArrayList<>();

        for (int version = 0; version < 50; version++) {
            writes.add(engine.put(key, bytes("v" + version)));
            assertThat(engine.get(key))
                    .hasValueSatisfying(value -> assertThat(value).isNotNull());
            assertThat(new String(engine.get(key).orElseThrow(), StandardCharsets.UTF_8))
                    .isEqualTo("v" + version);
        }
        writes.add(engine.remove(key));
        assertThat(engine.get(key)).isEmpty();

        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        assertThat(engine.get(key)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("engines")
    void should_answer_a_memory_lookup_only_as_get_would(EngineKind kind, SyncPolicy policy) {
        StorageEngine engine = open(kind, policy);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            writes.add(engine.put(key(i % 8, i, "kept"), bytes("value-" + i)));
            writes.add(engine.put(key(i % 8, i, "removed"), bytes("doomed")));
            writes.add(engine.remove(key(i % 8, i, "removed")));
        }
        // Half are checked while writes may still be queued, half after they are durable.
        assertLookupsAgreeWithGet(engine, 0, 25);
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        assertLookupsAgreeWithGet(engine, 25, 50);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("engines")
    void should_answer_recent_writes_from_memory_when_the_engine_keeps_them_there(EngineKind kind, SyncPolicy policy) {
        assumeThat(kind).as("MapDB reads always go to the storage executor").isNotEqualTo(EngineKind.MAPDB);
        StorageEngine engine = open(kind, policy);
        StorageKey key = key(9, 99L, "fresh");

        assertThat(engine.lookupInMemory(key)).isEqualTo(MemoryLookup.ABSENT);
        engine.put(key, bytes("in the memtable")).join();

        MemoryLookup lookup = engine.lookupInMemory(key);
        assertThat(lookup.needsIo()).isFalse();
        assertThat(lookup.stored())
                .hasValueSatisfying(value -> assertThat(value).isEqualTo(bytes("in the memtable")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("engines")
    void should_keep_the_last_of_several_writes_of_one_key_across_a_reopen(EngineKind kind, SyncPolicy policy) {
        assumeThat(kind).as("only file engines survive a reopen").isNotEqualTo(EngineKind.MEMORY);
        StorageEngine engine = open(kind, policy);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            writes.add(engine.put(key(2, i, "same"), bytes("first")));
            writes.add(engine.put(key(2, i, "same"), bytes("second")));
            writes.add(engine.put(key(3, i, "gone"), bytes("doomed")));
            writes.add(engine.remove(key(3, i, "gone")));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        engine.close();

        StorageEngine reopened = open(kind, policy);

        assertThat(drain(reopened.scanPartition(2)))
                .hasSize(40)
                .allSatisfy(entry -> assertThat(entry.value()).isEqualTo(bytes("second")));
        assertThat(drain(reopened.scanPartition(3))).isEmpty();
        assertThat(reopened.get(key(2, 17, "same")))
                .hasValueSatisfying(value -> assertThat(value).isEqualTo(bytes("second")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("engines")
    void should_make_every_queued_write_durable_before_close_returns(EngineKind kind, SyncPolicy policy) {
        StorageEngine engine = open(kind, policy);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            writes.add(engine.put(key(i % 16, i, "queued"), bytes("value-" + i)));
        }

        engine.close();

        assertThat(writes).allSatisfy(write -> assertThat(write).isCompleted());
        assertThat(engine.put(key(0, 0, "late"), bytes("x")))
                .failsWithin(1, TimeUnit.SECONDS)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(StorageException.class);
        if (kind != EngineKind.MEMORY) {
            StorageEngine reopened = open(kind, policy);
            long stored = 0;
            for (int partition = 0; partition < 16; partition++) {
                stored += drain(reopened.scanPartition(partition)).size();
            }
            assertThat(stored).isEqualTo(100);
            assertThat(reopened.get(key(5, 85, "queued")))
                    .hasValueSatisfying(value -> assertThat(value).isEqualTo(bytes("value-85")));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("engines")
    void should_count_about_as_many_keys_as_were_stored(EngineKind kind, SyncPolicy policy) {
        StorageEngine engine = open(kind, policy);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            writes.add(engine.put(key(i % 8, i, "counted"), bytes("v")));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();

        assertThat(engine.approximateKeyCount()).isBetween(50L, 200L);
        if (kind != EngineKind.ROCKSDB) {
            assertThat(engine.approximateKeyCount()).isEqualTo(100L);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("engines")
    void should_give_concurrent_readers_either_nothing_or_a_whole_value_while_writers_write(
            EngineKind kind, SyncPolicy policy) throws Exception {
        StorageEngine engine = open(kind, policy);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                int writerId = writer;
                tasks.add(threads.submit(() -> {
                    List<CompletableFuture<Void>> writes = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        StorageKey key = key(writerId, i, "concurrent");
                        writes.add(engine.put(key, valueFor(key)));
                    }
                    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                            .join();
                }));
            }
            for (int reader = 0; reader < 4; reader++) {
                int readerId = reader;
                tasks.add(threads.submit(() -> {
                    Random random = new Random(readerId);
                    for (int i = 0; i < 500; i++) {
                        StorageKey key = key(random.nextInt(4), random.nextInt(40), "concurrent");
                        Optional<byte[]> value = engine.get(key);
                        value.ifPresent(bytes -> assertThat(bytes).isEqualTo(valueFor(key)));
                    }
                    try (CloseableIterator<StoredEntry> scan = engine.scanPartition(readerId)) {
                        scan.forEachRemaining(entry -> assertThat(entry.value()).isEqualTo(valueFor(entry.key())));
                    }
                }));
            }
            for (Future<?> task : tasks) {
                task.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdown();
        }
        for (int writer = 0; writer < 4; writer++) {
            assertThat(drain(engine.scanPartition(writer))).hasSize(40);
        }
    }

    private static void assertLookupsAgreeWithGet(StorageEngine engine, int from, int to) {
        for (int i = from; i < to; i++) {
            for (StorageKey key : List.of(key(i % 8, i, "kept"), key(i % 8, i, "removed"), key(i % 8, i, "never"))) {
                MemoryLookup lookup = engine.lookupInMemory(key);
                if (!lookup.needsIo()) {
                    Optional<byte[]> stored = engine.get(key);
                    assertThat(lookup.stored().map(String::new))
                            .as("lookup of %s", key)
                            .isEqualTo(stored.map(String::new));
                }
            }
        }
    }

    private StorageEngine open(EngineKind kind, SyncPolicy policy) {
        StorageEngine engine = StorageEngines.open(new StorageConfig(kind, dataDirectory, policy));
        opened.add(engine);
        return engine;
    }

    private static StorageKey key(int partition, long token, String key) {
        return new StorageKey(partition, token, bytes(key));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A value derived from the key, so any entry can be checked on its own; 1 KB like real values. */
    static byte[] valueFor(StorageKey key) {
        byte[] value = new byte[1024];
        new Random(key.hashCode()).nextBytes(value);
        return value;
    }

    private static List<StoredEntry> drain(CloseableIterator<StoredEntry> scan) {
        List<StoredEntry> entries = new ArrayList<>();
        try (scan) {
            scan.forEachRemaining(entries::add);
        }
        return entries;
    }
}
