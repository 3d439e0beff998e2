package io.ringkv.server.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.causal.ActorId;
import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSetCodec;
import io.ringkv.causal.SiblingSets;
import io.ringkv.causal.VersionVector;
import io.ringkv.server.storage.ReplicaStore;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.memory.InMemoryStorageEngine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replica store's write observer, which keeps the Merkle trees current. */
class StoredSetObserverTest {

    private final List<Change> changes = new ArrayList<>();
    private final ReplicaStore store = new ReplicaStore(
            new InMemoryStorageEngine(), (key, before, after) -> changes.add(new Change(key, before, after)));
    private final StorageKey key = new StorageKey(3, 42, "k".getBytes(StandardCharsets.UTF_8));
    private final ActorId actor = new ActorId("a", 1);

    @Test
    void should_report_the_bytes_before_and_after_every_change_and_nothing_for_a_no_op() {
        SiblingSet first = write("v1");
        SiblingSet second = write("v2");
        store.apply(key, second).join();

        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).before()).isNull();
        assertThat(changes.get(0).after()).isEqualTo(SiblingSetCodec.encode(first));
        assertThat(changes.get(1).before()).isEqualTo(SiblingSetCodec.encode(first));
        assertThat(changes.get(1).after()).isEqualTo(SiblingSetCodec.encode(second));
    }

    @Test
    void should_report_a_removal_only_when_the_condition_holds() {
        SiblingSet stored = write("v1");

        assertThat(store.removeIf(key, SiblingSet::isAbsent).join()).isFalse();
        assertThat(changes).hasSize(1);
        assertThat(store.removeIf(key, set -> !set.isAbsent()).join()).isTrue();

        assertThat(store.read(key)).isEmpty();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).before()).isEqualTo(SiblingSetCodec.encode(stored));
        assertThat(changes.get(1).after()).isNull();
        assertThat(store.removeIf(key, set -> true).join()).isFalse();
    }

    private SiblingSet write(String value) {
        return store.update(
                        key,
                        stored -> SiblingSets.write(
                                stored,
                                VersionVector.EMPTY.equals(stored.context()) ? VersionVector.EMPTY : stored.context(),
                                actor,
                                value.getBytes(StandardCharsets.UTF_8),
                                false,
                                1L))
                .join();
    }

    private record Change(StorageKey key, byte[] before, byte[] after) {}
}
