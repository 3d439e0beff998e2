package io.ringkv.server.hints;

import static io.ringkv.server.hints.HintTestData.blindWrite;
import static io.ringkv.server.hints.HintTestData.key;
import static io.ringkv.server.hints.HintTestData.overwrite;
import static io.ringkv.server.hints.HintTestData.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.causal.SiblingSet;
import io.ringkv.server.metadata.NodeMetadataStore;
import io.ringkv.server.storage.StorageException;
import io.ringkv.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HintStoreTest {

    private static final HintConfig CONFIG = HintConfig.of(60_000, 1 << 20, 1_000);

    @TempDir
    Path directory;

    private final ManualClock clock = new ManualClock();
    private final List<HintStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(HintStore::close);
    }

    @Test
    void should_return_hints_oldest_first_and_remove_them_one_by_one() {
        HintStore store = open(CONFIG);
        SiblingSet first = blindWrite("node-a", "v1");
        SiblingSet second = blindWrite("node-a", "v2");
        SiblingSet third = blindWrite("node-a", "v3");
        join(store.add("node-b", key("k1"), first));
        join(store.add("node-c", key("k1"), first));
        clock.advance(Duration.ofMillis(5));
        join(store.add("node-b", key("k2"), second));
        join(store.add("node-b", key("k3"), third));

        List<Hint> hints = store.oldest("node-b", 10);

        assertThat(hints).extracting(Hint::key).containsExactly(key("k1"), key("k2"), key("k3"));
        assertThat(hints).extracting(Hint::set).containsExactly(first, second, third);
        assertThat(hints).extracting(Hint::intendedOwner).containsOnly("node-b");
        assertThat(hints).extracting(Hint::id).isSorted().doesNotHaveDuplicates();
        assertThat(hints.get(0).createdAtMillis()).isEqualTo(clock.wallClockMillis() - 5);
        assertThat(hints.get(1).createdAtMillis()).isEqualTo(clock.wallClockMillis());
        assertThat(store.oldest("node-b", 2)).containsExactlyElementsOf(hints.subList(0, 2));
        assertThat(store.owners()).containsExactlyInAnyOrder("node-b", "node-c");
        assertThat(store.pendingCount()).isEqualTo(4);
        assertThat(store.pendingCount("node-b")).isEqualTo(3);
        assertThat(store.pendingCount("node-x")).isZero();
        long bytes = hints.stream().mapToLong(Hint::bytes).sum()
                + store.oldest("node-c", 10).get(0).bytes();
        assertThat(store.pendingBytes()).isEqualTo(bytes);

        assertThat(store.remove(hints.get(0))).isTrue();
        assertThat(store.remove(hints.get(0))).isFalse();
        assertThat(store.oldest("node-b", 10)).containsExactlyElementsOf(hints.subList(1, 3));
        assertThat(store.remove(hints.get(1))).isTrue();
        assertThat(store.remove(hints.get(2))).isTrue();

        assertThat(store.oldest("node-b", 10)).isEmpty();
        assertThat(store.owners()).containsExactly("node-c");
        assertThat(store.pendingCount()).isEqualTo(1);
        assertThat(store.pendingBytes())
                .isEqualTo(store.oldest("node-c", 1).get(0).bytes());
    }

    @Test
    void should_keep_hints_removals_and_totals_across_close_and_reopen() {
        HintStore store = open(CONFIG);
        for (int i = 0; i < 5; i++) {
            join(store.add("node-b", key("k" + i), blindWrite("node-a", "v" + i)));
        }
        join(store.add("node-c", key("k0"), blindWrite("node-a", "v0")));
        List<Hint> before = store.oldest("node-b", 10);
        assertThat(store.remove(before.get(4))).isTrue();
        long bytesBefore = store.pendingBytes();
        close(store);

        HintStore reopened = open(CONFIG);

        assertThat(reopened.oldest("node-b", 10)).containsExactlyElementsOf(before.subList(0, 4));
        assertThat(reopened.pendingCount()).isEqualTo(5);
        assertThat(reopened.pendingCount("node-b")).isEqualTo(4);
        assertThat(reopened.pendingBytes()).isEqualTo(bytesBefore);
        assertThat(reopened.owners()).containsExactlyInAnyOrder("node-b", "node-c");
        join(reopened.add("node-b", key("late"), blindWrite("node-a", "late")));
        long lateId = reopened.oldest("node-b", 10).get(4).id();
        assertThat(lateId).isGreaterThan(before.get(4).id());
    }

    @Test
    void should_merge_hints_for_one_owner_and_key_into_one_and_keep_concurrent_siblings() {
        HintStore store = open(CONFIG);
        join(store.add("node-b", key("k"), blindWrite("node-a", "from-a")));
        Hint original = store.oldest("node-b", 10).get(0);
        clock.advance(Duration.ofSeconds(10));

        join(store.add("node-b", key("k"), blindWrite("node-c", "from-c")));

        assertThat(store.pendingCount()).isEqualTo(1);
        Hint merged = store.oldest("node-b", 10).get(0);
        assertThat(values(merged.set())).containsExactlyInAnyOrder("from-a", "from-c");
        assertThat(merged.id()).isEqualTo(original.id());
        assertThat(merged.createdAtMillis())
                .as("a hint is as old as its oldest write")
                .isEqualTo(original.createdAtMillis());
        assertThat(merged.bytes()).isGreaterThan(original.bytes());
        assertThat(store.pendingBytes()).isEqualTo(merged.bytes());
    }

    @Test
    void should_replace_a_superseded_version_so_a_hot_key_does_not_grow() {
        HintStore store = open(CONFIG);
        SiblingSet latest = blindWrite("node-a", "v0");
        join(store.add("node-b", key("hot"), latest));
        int firstBytes = store.oldest("node-b", 1).get(0).bytes();

        for (int i = 1; i <= 50; i++) {
            latest = overwrite(latest, "node-a", "v" + i);
            join(store.add("node-b", key("hot"), latest));
        }

        Hint hint = store.oldest("node-b", 10).get(0);
        assertThat(store.pendingCount()).isEqualTo(1);
        assertThat(values(hint.set())).containsExactly("v50");
        assertThat(hint.set()).isEqualTo(latest);
        assertThat(hint.bytes()).as("one more value byte, not 50 versions").isLessThanOrEqualTo(firstBytes + 4);
    }

    @Test
    void should_refuse_hints_beyond_max_total_bytes_and_accept_again_after_a_removal() {
        HintStore measuring = open(CONFIG);
        join(measuring.add("node-b", key("k1"), blindWrite("node-a", "same-size-1")));
        int bytesPerHint = measuring.oldest("node-b", 1).get(0).bytes();
        close(measuring);
        HintStore store = open(new HintConfig(60_000, 2L * bytesPerHint + bytesPerHint / 2, 1_000, 10));
        join(store.add("node-b", key("k2"), blindWrite("node-a", "same-size-2")));

        CompletionStage<Void> third = store.add("node-b", key("k3"), blindWrite("node-a", "same-size-3"));

        assertThatThrownBy(() -> join(third))
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(HintStoreFullException.class)
                .hasMessageContaining("is full");
        assertThat(store.pendingCount()).isEqualTo(2);
        assertThat(store.pendingBytes()).isEqualTo(2L * bytesPerHint);
        // A merge that adds nothing new takes no room, so it is accepted even when the store is full.
        join(store.add("node-b", key("k2"), blindWrite("node-a", "same-size-2")));

        assertThat(store.remove(store.oldest("node-b", 1).get(0))).isTrue();
        join(store.add("node-b", key("k3"), blindWrite("node-a", "same-size-3")));

        assertThat(store.oldest("node-b", 10)).extracting(Hint::key).containsExactly(key("k2"), key("k3"));
        assertThat(store.pendingBytes()).isEqualTo(2L * bytesPerHint);
    }

    @Test
    void should_expire_hints_older_than_max_age_and_keep_younger_ones() {
        HintStore store = open(CONFIG);
        join(store.add("node-b", key("old"), blindWrite("node-a", "old")));
        join(store.add("node-c", key("old"), blindWrite("node-a", "old")));
        clock.advance(Duration.ofSeconds(30));
        join(store.add("node-b", key("young"), blindWrite("node-a", "young")));
        clock.advance(Duration.ofSeconds(30));
        assertThat(store.expire())
                .as("exactly max age is not older than max age")
                .isZero();

        clock.advance(Duration.ofMillis(1));

        assertThat(store.expire()).isEqualTo(2);
        assertThat(store.oldest("node-b", 10)).extracting(Hint::key).containsExactly(key("young"));
        assertThat(store.owners()).containsExactly("node-b");
        assertThat(store.pendingBytes())
                .isEqualTo(store.oldest("node-b", 1).get(0).bytes());

        clock.advance(Duration.ofSeconds(30));
        assertThat(store.expire()).isEqualTo(1);
        assertThat(store.pendingCount()).isZero();
        assertThat(store.pendingBytes()).isZero();
        assertThat(store.owners()).isEmpty();
    }

    @Test
    void should_not_remove_a_hint_that_was_merged_into_after_it_was_read() {
        HintStore store = open(CONFIG);
        join(store.add("node-b", key("k"), blindWrite("node-a", "first")));
        Hint read = store.oldest("node-b", 1).get(0);
        join(store.add("node-b", key("k"), blindWrite("node-c", "second")));

        assertThat(store.remove(read)).isFalse();

        Hint current = store.oldest("node-b", 1).get(0);
        assertThat(values(current.set())).containsExactlyInAnyOrder("first", "second");
        // Adding what the hint already holds changes nothing, so the delivered hint may go.
        join(store.add("node-b", key("k"), blindWrite("node-c", "second")));
        assertThat(store.remove(current)).isTrue();
        assertThat(store.pendingCount()).isZero();
    }

    @Test
    void should_commit_concurrent_adds_from_many_threads() throws Exception {
        HintStore store = open(CONFIG);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<CompletionStage<Void>>>> submitted = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int caller = thread;
                submitted.add(callers.submit(() -> {
                    List<CompletionStage<Void>> adds = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        adds.add(store.add("node-" + (i % 3), key(caller + "-" + i), blindWrite("node-a", "v" + i)));
                    }
                    return adds;
                }));
            }
            for (Future<List<CompletionStage<Void>>> adds : submitted) {
                adds.get().forEach(HintStoreTest::join);
            }
        } finally {
            callers.shutdown();
        }
        assertThat(store.pendingCount()).isEqualTo(400);
        close(store);

        HintStore reopened = open(CONFIG);
        assertThat(reopened.pendingCount()).isEqualTo(400);
        assertThat(reopened.oldest("node-0", 1_000)).hasSize(136);
    }

    @Test
    void should_fail_every_call_after_close() {
        HintStore store = open(CONFIG);
        close(store);

        assertThatThrownBy(() -> join(store.add("node-b", key("k"), blindWrite("node-a", "v"))))
                .cause()
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> store.oldest("node-b", 1)).isInstanceOf(StorageException.class);
    }

    @Test
    void should_refuse_a_hints_file_of_junk_without_overwriting_it() throws IOException {
        Path file = directory.resolve(HintStore.FILE_NAME);
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        Files.write(file, junk);

        assertThatThrownBy(() -> open(CONFIG))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(junk);
    }

    @Test
    void should_refuse_a_hints_file_whose_contents_were_overwritten_with_junk() throws IOException {
        HintStore store = open(CONFIG);
        join(store.add("node-b", key("k"), blindWrite("node-a", "v")));
        close(store);
        Path file = directory.resolve(HintStore.FILE_NAME);
        byte[] corrupt = Files.readAllBytes(file);
        byte[] junk = new byte[corrupt.length];
        new Random(11).nextBytes(junk);
        System.arraycopy(junk, 64, corrupt, 64, corrupt.length - 64);
        Files.write(file, corrupt);

        assertThatThrownBy(() -> open(CONFIG))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("corrupt");
        assertThat(Files.readAllBytes(file)).isEqualTo(corrupt);
    }

    @Test
    void should_refuse_another_kind_of_ringkv_store_under_the_hints_file_name() throws IOException {
        Path other = directory.resolve("other");
        NodeMetadataStore.open(other, "node-a").close();
        Path file = directory.resolve(HintStore.FILE_NAME);
        Files.copy(other.resolve(NodeMetadataStore.FILE_NAME), file, StandardCopyOption.COPY_ATTRIBUTES);

        assertThatThrownBy(() -> open(CONFIG))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("is a RingKV node-metadata store, not a hints store");
    }

    private HintStore open(HintConfig config) {
        HintStore store = HintStore.open(directory, config, clock);
        opened.add(store);
        return store;
    }

    private void close(HintStore store) {
        store.close();
        opened.remove(store);
    }

    static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
