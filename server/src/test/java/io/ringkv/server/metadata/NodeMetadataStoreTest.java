package io.ringkv.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.server.storage.EngineKind;
import io.ringkv.server.storage.StorageConfig;
import io.ringkv.server.storage.StorageEngines;
import io.ringkv.server.storage.StorageException;
import io.ringkv.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeMetadataStoreTest {

    private static final MetadataKey<byte[]> RING = MetadataKey.bytes("ring.assignment");
    private static final MetadataKey<String> NOTE = MetadataKey.string("note");
    private static final MetadataKey<Long> RING_VERSION = MetadataKey.longValue("ring.version");

    @TempDir
    Path dataDirectory;

    @Test
    void should_remember_the_node_id_and_refuse_the_directory_to_another_node() {
        NodeMetadataStore.open(dataDirectory, "node-a").close();

        try (NodeMetadataStore reopened = NodeMetadataStore.open(dataDirectory, "node-a")) {
            assertThat(reopened.nodeId()).isEqualTo("node-a");
        }
        assertThatThrownBy(() -> NodeMetadataStore.open(dataDirectory, "node-b"))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("belongs to node 'node-a'")
                .hasMessageContaining("not to node 'node-b'")
                .hasMessageContaining(NodeMetadataStore.FILE_NAME);
    }

    @Test
    void should_start_incarnations_from_the_wall_clock_that_only_grow_and_survive_a_restart() {
        ManualClock clock = new ManualClock(0L, 5_000L);
        long first;
        long second;
        try (NodeMetadataStore store = NodeMetadataStore.open(dataDirectory, "node-a")) {
            assertThat(store.lastIncarnation()).isEmpty();
            first = store.startNewIncarnation(clock);
            second = store.startNewIncarnation(clock);
        }

        assertThat(first).isEqualTo(5_000L);
        assertThat(second).as("same wall clock: last + 1").isEqualTo(5_001L);
        try (NodeMetadataStore store = NodeMetadataStore.open(dataDirectory, "node-a")) {
            assertThat(store.lastIncarnation()).isEqualTo(OptionalLong.of(5_001L));
            assertThat(store.startNewIncarnation(new ManualClock(0L, 1_000L)))
                    .as("a clock that went back does not reuse an incarnation")
                    .isEqualTo(5_002L);
            clock.advance(Duration.ofSeconds(10));
            assertThat(store.startNewIncarnation(clock)).isEqualTo(15_000L);
        }
    }

    @Test
    void should_bind_the_cluster_name_once_and_refuse_another_cluster() {
        try (NodeMetadataStore store = NodeMetadataStore.open(dataDirectory, "node-a")) {
            assertThat(store.clusterName()).isEmpty();
            store.bindClusterName("prod");
            store.bindClusterName("prod");
        }
        try (NodeMetadataStore store = NodeMetadataStore.open(dataDirectory, "node-a")) {
            assertThat(store.clusterName()).hasValue("prod");
            assertThatThrownBy(() -> store.bindClusterName("staging"))
                    .isExactlyInstanceOf(StorageException.class)
                    .hasMessageContaining("belongs to cluster 'prod', not 'staging'");
        }
    }

    @Test
    void should_store_typed_entries_durably_and_remove_them() {
        byte[] assignment = new byte[100_000];
        new Random(3).nextBytes(assignment);
        try (NodeMetadataStore store = NodeMetadataStore.open(dataDirectory, "node-a")) {
            store.put(RING, assignment);
            store.put(NOTE, "héllo");
            store.put(RING_VERSION, 42L);
            store.put(RING_VERSION, 43L);
        }
        try (NodeMetadataStore store = NodeMetadataStore.open(dataDirectory, "node-a")) {
            assertThat(store.get(RING))
                    .hasValueSatisfying(value -> assertThat(value).isEqualTo(assignment));
            assertThat(store.get(NOTE)).hasValue("héllo");
            assertThat(store.get(RING_VERSION)).hasValue(43L);
            store.remove(NOTE);
            assertThat(store.get(NOTE)).isEmpty();
            assertThat(store.get(MetadataKey.string("never-written"))).isEmpty();
        }
    }

    @Test
    void should_refuse_a_foreign_or_garbage_metadata_file_without_overwriting_it() throws IOException {
        Path file = dataDirectory.resolve(NodeMetadataStore.FILE_NAME);
        byte[] garbage = "not metadata at all, just some text that is long enough"
                .repeat(50)
                .getBytes();
        Files.write(file, garbage);

        assertThatThrownBy(() -> NodeMetadataStore.open(dataDirectory, "node-a"))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void should_not_be_mistaken_for_a_data_store_and_vice_versa() throws IOException {
        NodeMetadataStore.open(dataDirectory, "node-a").close();
        Path other = Files.createDirectories(dataDirectory.resolve("other"));
        Files.copy(dataDirectory.resolve(NodeMetadataStore.FILE_NAME), other.resolve("data.mapdb"));

        assertThatThrownBy(() -> StorageEngines.open(StorageConfig.of(EngineKind.MAPDB, other)))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("is a RingKV node-metadata store, not a mapdb store");

        Path third = Files.createDirectories(dataDirectory.resolve("third"));
        StorageEngines.open(StorageConfig.of(EngineKind.MAPDB, third)).close();
        Files.copy(third.resolve("data.mapdb"), third.resolve(NodeMetadataStore.FILE_NAME));
        assertThatThrownBy(() -> NodeMetadataStore.open(third, "node-a"))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("is a RingKV mapdb store, not a node-metadata store");
    }

    @Test
    void should_refuse_calls_after_close_and_oversized_entries() {
        NodeMetadataStore store = NodeMetadataStore.open(dataDirectory, "node-a");
        assertThatThrownBy(() -> store.put(RING, new byte[NodeMetadataStore.MAX_ENTRY_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ring.assignment");
        store.close();

        assertThatThrownBy(() -> store.get(NOTE))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> store.startNewIncarnation(new ManualClock()))
                .isExactlyInstanceOf(StorageException.class);
    }
}
