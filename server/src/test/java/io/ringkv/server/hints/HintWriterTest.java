package io.ringkv.server.hints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ringkv.server.storage.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The group commit of the hint store, against a sink the test controls. */
class HintWriterTest {

    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);
    private volatile Consumer<List<QueuedChange<?>>> commit = batch -> {};
    private final HintWriter writer = new HintWriter("test hints", 100, this::applyDurably);

    @AfterEach
    void closeWriter() {
        releaseFirstBatch.countDown();
        writer.close();
    }

    @Test
    void should_commit_the_changes_queued_during_a_commit_as_one_batch() {
        CompletableFuture<Integer> first = writer.submit(() -> 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> batchSizes.size() == 1);
        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int value = i;
            queued.add(writer.submit(() -> value));
        }
        assertThat(first).isNotDone();

        releaseFirstBatch.countDown();

        assertThat(queued.get(9).join()).isEqualTo(10);
        assertThat(first.join()).isZero();
        assertThat(batchSizes).containsExactly(1, 10);
    }

    @Test
    void should_fail_every_change_of_a_batch_whose_commit_failed_and_only_the_refused_one_otherwise() {
        releaseFirstBatch.countDown();
        CompletableFuture<Integer> refused = writer.submit(() -> {
            throw new HintStoreFullException("full", 10);
        });
        assertThat(writer.submit(() -> 1).join()).isEqualTo(1);
        assertThatThrownBy(refused::join).cause().isInstanceOf(HintStoreFullException.class);

        commit = batch -> {
            throw new StorageException("disk gone");
        };
        CompletableFuture<Integer> lost = writer.submit(() -> 2);

        assertThatThrownBy(lost::join)
                .cause()
                .isInstanceOf(StorageException.class)
                .hasMessage("disk gone");
    }

    @Test
    void should_complete_stages_on_its_acknowledgement_thread_which_it_can_recognise() {
        CompletableFuture<Integer> change = writer.submit(() -> 1);
        CompletableFuture<Boolean> ranOnAcknowledger = change.thenApply(ignored -> writer.isAcknowledgerThread());

        releaseFirstBatch.countDown();

        assertThat(ranOnAcknowledger.join()).isTrue();
        assertThat(writer.isAcknowledgerThread()).isFalse();
    }

    @Test
    void should_commit_queued_changes_on_close_and_refuse_later_ones() {
        CompletableFuture<Integer> first = writer.submit(() -> 1);
        CompletableFuture<Integer> second = writer.submit(() -> 2);
        releaseFirstBatch.countDown();

        writer.close();

        assertThat(first).isCompletedWithValue(1);
        assertThat(second).isCompletedWithValue(2);
        assertThatThrownBy(() -> writer.submit(() -> 3).join())
                .cause()
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("closed");
    }

    private void applyDurably(List<QueuedChange<?>> batch) {
        batchSizes.add(batch.size());
        if (batchSizes.size() == 1) {
            try {
                if (!releaseFirstBatch.await(10, TimeUnit.SECONDS)) {
                    throw new StorageException("the test never released the first batch");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("interrupted", e);
            }
        }
        for (QueuedChange<?> change : batch) {
            change.apply();
        }
        commit.accept(batch);
    }
}
