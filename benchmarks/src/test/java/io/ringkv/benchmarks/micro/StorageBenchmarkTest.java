package io.ringkv.benchmarks.micro;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.causal.SiblingSet;
import io.ringkv.server.storage.EngineKind;
import io.ringkv.server.storage.SyncPolicy;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class StorageBenchmarkTest {

    private final StorageBenchmark benchmark = new StorageBenchmark();

    @ParameterizedTest
    @CsvSource({"MAPDB, GROUP_COMMIT", "MAPDB, PER_WRITE", "ROCKSDB, GROUP_COMMIT", "ROCKSDB, PER_WRITE"})
    void should_put_a_durable_1_kb_sibling_set_that_reads_back(EngineKind engine, SyncPolicy.Kind syncPolicy) {
        StorageBenchmark.WritableStore store = new StorageBenchmark.WritableStore();
        store.engine = engine;
        store.syncPolicy = syncPolicy;
        StorageBenchmark.Writer writer = new StorageBenchmark.Writer();
        writer.seed(0);
        store.open();
        Path dataDirectory = store.dataDirectory();
        try {
            SiblingSet written = benchmark.put(store, writer);

            assertThat(written.liveVersions())
                    .singleElement()
                    .satisfies(version -> assertThat(version.value()).hasSize(1024));
            assertThat(store.replicas().read(StorageBenchmark.storageKey(0))).contains(written);
        } finally {
            store.close();
        }
        assertThat(dataDirectory).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(
            value = EngineKind.class,
            names = {"MAPDB", "ROCKSDB"})
    void should_get_what_set_up_put_under_the_key(EngineKind engine) {
        StorageBenchmark.PopulatedStore store = new StorageBenchmark.PopulatedStore();
        store.engine = engine;
        // A tenth of a benchmark run's keys: the same set-up path, quick enough for a unit test.
        store.keyCount = 1_000;
        StorageBenchmark.Reader reader = new StorageBenchmark.Reader();
        reader.seed(3);
        StorageBenchmark.Reader sameSeed = new StorageBenchmark.Reader();
        sameSeed.seed(3);
        store.populate();
        Path dataDirectory = store.dataDirectory();
        try {
            Optional<SiblingSet> read = benchmark.get(store, reader);

            SiblingSet expected = store.storedSet(sameSeed.nextIndex(store.keyCount()));
            assertThat(read).contains(expected);
            assertThat(expected.liveVersions())
                    .singleElement()
                    .satisfies(version -> assertThat(version.value()).hasSize(1024));
        } finally {
            store.close();
        }
        assertThat(dataDirectory).doesNotExist();
    }
}
