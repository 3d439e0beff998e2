package io.ringkv.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StorageConfigTest {

    @Test
    void should_default_to_mapdb_with_group_commit_every_2_ms_and_at_most_1000_writes() {
        StorageConfig config = StorageConfig.defaults(Path.of("data"));

        assertThat(config.engine()).isEqualTo(EngineKind.MAPDB);
        assertThat(config.syncPolicy().kind()).isEqualTo(SyncPolicy.Kind.GROUP_COMMIT);
        assertThat(config.syncPolicy().groupCommitIntervalMillis()).isEqualTo(2);
        assertThat(config.syncPolicy().maxBatchSize()).isEqualTo(1_000);
    }

    @Test
    void should_reject_bad_values_with_a_message_naming_the_setting_and_the_range() {
        assertThatThrownBy(() -> SyncPolicy.groupCommit(-1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group-commit interval must be 0..1000 ms, was -1");
        assertThatThrownBy(() -> SyncPolicy.groupCommit(2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max batch size must be 1..100000, was 0");
        assertThatThrownBy(() -> new SyncPolicy(SyncPolicy.Kind.PER_WRITE, 2, 1_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PER_WRITE");
        assertThatThrownBy(() -> new StorageConfig(EngineKind.ROCKSDB, null, SyncPolicy.perWrite()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rocksdb needs a data directory");
        assertThatThrownBy(() -> EngineKind.fromConfigName("leveldb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mapdb, rocksdb or memory, was 'leveldb'");
        assertThatThrownBy(() -> SyncPolicy.fromConfigName("sometimes", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group-commit or per-write");
    }

    @Test
    void should_read_the_configuration_spelling_of_engines_and_policies() {
        assertThat(EngineKind.fromConfigName("RocksDB")).isEqualTo(EngineKind.ROCKSDB);
        assertThat(SyncPolicy.fromConfigName("per-write", 5)).isEqualTo(SyncPolicy.perWrite());
        assertThat(SyncPolicy.fromConfigName("group-commit", 5)).isEqualTo(SyncPolicy.groupCommit(5, 1_000));
        assertThat(StorageConfig.inMemory().dataDirectory()).isNull();
    }
}
