package io.ringkv.server.linearizable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.protocol.message.AbdTag;
import io.ringkv.server.storage.EngineKind;
import io.ringkv.server.storage.StorageConfig;
import io.ringkv.server.storage.StorageEngine;
import io.ringkv.server.storage.StorageEngines;
import io.ringkv.server.storage.StorageException;
import io.ringkv.server.storage.StorageKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterStoreTest {

    private static final StorageKey KEY = new StorageKey(3, 99L, "lock".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dataDirectory;

    @Test
    void should_report_a_register_never_written_as_absent_with_the_zero_tag() {
        RegisterStore store = new RegisterStore(new DeferredSyncEngine(false));

        assertThat(store.read(KEY).join()).isEqualTo(Register.ABSENT);
        assertThat(store.read(KEY).join().present()).isFalse();
    }

    @Test
    void should_store_a_newer_tag_and_ignore_an_older_or_equal_one() {
        DeferredSyncEngine engine = new DeferredSyncEngine(false);
        RegisterStore store = new RegisterStore(engine);
        Register second = Register.value(new AbdTag(2, "n1/1"), bytes("second"));

        assertThat(store.writeIfNewer(KEY, second).join()).isEqualTo(second);
        assertThat(store.writeIfNewer(KEY, Register.value(new AbdTag(1, "n9/1"), bytes("first")))
                        .join())
                .isEqualTo(second);
        assertThat(store.writeIfNewer(KEY, second).join()).isEqualTo(second);

        assertThat(store.read(KEY).join()).isEqualTo(second);
        assertThat(engine.putTags()).containsExactly(second.tag());
    }

    @Test
    void should_keep_a_tombstone_so_an_older_value_cannot_come_back() {
        RegisterStore store = new RegisterStore(new DeferredSyncEngine(false));
        Register deleted = Register.tombstone(new AbdTag(5, "n2/1"));

        store.writeIfNewer(KEY, deleted).join();
        store.writeIfNewer(KEY, Register.value(new AbdTag(4, "n1/1"), bytes("stale")))
                .join();

        assertThat(store.read(KEY).join()).isEqualTo(deleted);
    }

    @Test
    void should_only_ever_raise_the_stored_tag_when_many_threads_write_in_random_order() throws Exception {
        long seed = 20240611L;
        List<Register> writes = new ArrayList<>();
        for (int counter = 1; counter <= 200; counter++) {
            for (String writer : List.of("n1/1", "n2/1")) {
                writes.add(Register.value(new AbdTag(counter, writer), bytes(counter + writer)));
            }
        }
        Collections.shuffle(writes, new Random(seed));
        DeferredSyncEngine engine = new DeferredSyncEngine(false);
        RegisterStore store = new RegisterStore(engine);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Register>> results = new ArrayList<>();
            for (Register write : writes) {
                results.add(threads.submit(() -> store.writeIfNewer(KEY, write).join()));
            }
            for (Future<Register> result : results) {
                result.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(engine.putTags())
                .as("seed %d", seed)
                .isSortedAccordingTo(AbdTag::compareTo)
                .doesNotHaveDuplicates();
        assertThat(store.read(KEY).join().tag()).isEqualTo(new AbdTag(200, "n2/1"));
    }

    @Test
    void should_acknowledge_and_report_a_tag_only_once_it_is_durable() {
        DeferredSyncEngine engine = new DeferredSyncEngine(true);
        RegisterStore store = new RegisterStore(engine);
        Register written = Register.value(new AbdTag(7, "n1/1"), bytes("v"));

        CompletableFuture<Register> ack = store.writeIfNewer(KEY, written);
        CompletableFuture<Register> olderAck = store.writeIfNewer(KEY, Register.tombstone(new AbdTag(6, "n1/1")));
        CompletableFuture<Register> query = store.read(KEY);

        // A reported or acknowledged tag counts toward a majority: a crash must not be able to take it back.
        assertThat(ack).isNotDone();
        assertThat(olderAck).isNotDone();
        assertThat(query).isNotDone();
        engine.sync();
        assertThat(ack).isCompletedWithValue(written);
        assertThat(olderAck).isCompletedWithValue(written);
        assertThat(query).isCompletedWithValue(written);
    }

    @Test
    void should_keep_registers_across_a_restart() {
        StorageConfig config = StorageConfig.of(EngineKind.MAPDB, dataDirectory.resolve("linearizable"));
        Register written = Register.value(new AbdTag(3, "n1/42"), bytes("durable"));
        try (StorageEngine engine = StorageEngines.open(config)) {
            new RegisterStore(engine).writeIfNewer(KEY, written).join();
        }

        try (StorageEngine engine = StorageEngines.open(config)) {
            assertThat(new RegisterStore(engine).read(KEY).join()).isEqualTo(written);
        }
    }

    @Test
    void should_refuse_a_stored_value_that_is_not_a_register_and_leave_it_untouched() {
        DeferredSyncEngine engine = new DeferredSyncEngine(false);
        RegisterStore store = new RegisterStore(engine);
        byte[] garbage = {9, 9, 9};
        engine.putRaw(KEY, garbage);

        assertThatThrownBy(() -> store.writeIfNewer(KEY, Register.tombstone(new AbdTag(1, "n1/1"))))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("lock");
        assertThat(engine.get(KEY).orElseThrow()).isEqualTo(garbage);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
