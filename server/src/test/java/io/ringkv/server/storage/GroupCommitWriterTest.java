package io.ringkv.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The group-commit pipeline against a capturing sink: batching, acknowledgement order, failures, close. */
class GroupCommitWriterTest {

    private final CapturingSink sink = new CapturingSink();
    private final List<WritePipeline> pipelines = new ArrayList<>();

    @AfterEach
    void closePipelines() {
        sink.release();
        pipelines.forEach(WritePipeline::close);
    }

    @Test
    void should_complete_a_write_only_after_the_sink_made_its_batch_durable() {
        sink.blockWrites();
        WritePipeline pipeline = open(0, 1_000);

        CompletableFuture<Void> write = pipeline.submit(bytes("k"), bytes("v"));
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.entered.getCount() == 0);

        assertThat(write).isNotDone();
        sink.release();
        assertThat(write).succeedsWithin(Duration.ofSeconds(5));
        assertThat(sink.batches).hasSize(1);
    }

    @Test
    void should_share_one_sync_among_the_writes_queued_during_the_previous_one() {
        sink.blockWrites();
        WritePipeline pipeline = open(0, 1_000);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        writes.add(pipeline.submit(bytes("first"), bytes("v")));
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.entered.getCount() == 0);

        for (int i = 0; i < 50; i++) {
            writes.add(pipeline.submit(bytes("k" + i), bytes("v" + i)));
        }
        sink.release();

        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        assertThat(sink.batches).hasSize(2);
        assertThat(sink.batches.get(1)).hasSize(50);
    }

    @Test
    void should_never_put_more_than_max_batch_size_writes_in_one_batch() {
        sink.blockWrites();
        WritePipeline pipeline = open(0, 7);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        writes.add(pipeline.submit(bytes("first"), bytes("v")));
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.entered.getCount() == 0);
        for (int i = 0; i < 20; i++) {
            writes.add(pipeline.submit(bytes("k" + i), bytes("v")));
        }
        sink.release();

        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        assertThat(sink.batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(7));
        assertThat(sink.batches.stream().mapToInt(List::size).sum()).isEqualTo(21);
    }

    @Test
    void should_read_a_queued_write_before_it_reaches_the_store_and_the_store_afterwards() {
        sink.blockWrites();
        WritePipeline pipeline = open(0, 1_000);
        pipeline.submit(bytes("blocker"), bytes("v"));
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.entered.getCount() == 0);

        CompletableFuture<Void> put = pipeline.submit(bytes("k"), bytes("queued"));
        CompletableFuture<Void> removal = pipeline.submit(bytes("gone"), null);

        assertThat(pipeline.read(bytes("k"), sink::read)).hasValue(bytes("queued"));
        sink.stored.put("gone", bytes("old"));
        assertThat(pipeline.read(bytes("gone"), sink::read)).isEmpty();
        assertThat(pipeline.read(bytes("other"), sink::read)).isEmpty();

        sink.release();
        CompletableFuture.allOf(put, removal).join();
        sink.stored.put("k", bytes("from-store"));
        assertThat(pipeline.read(bytes("k"), sink::read)).hasValue(bytes("from-store"));
    }

    @Test
    void should_fail_every_write_of_a_failed_batch_and_carry_on_with_the_next() {
        WritePipeline pipeline = open(0, 1_000);
        sink.failNext.set(true);

        CompletableFuture<Void> failed = pipeline.submit(bytes("k"), bytes("lost"));

        assertThat(failed)
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(StorageException.class)
                .withMessageContaining("disk on fire");
        assertThat(pipeline.read(bytes("k"), sink::read)).isEmpty();
        assertThat(pipeline.submit(bytes("k"), bytes("kept"))).succeedsWithin(Duration.ofSeconds(5));
        assertThat(pipeline.read(bytes("k"), sink::read)).hasValue(bytes("kept"));
    }

    @Test
    void should_wait_for_queued_writes_on_close_and_refuse_later_ones() {
        sink.blockWrites();
        WritePipeline pipeline = open(2, 1_000);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            writes.add(pipeline.submit(bytes("k" + i), bytes("v")));
        }
        CompletableFuture<Void> closing = CompletableFuture.runAsync(pipeline::close);
        await().atMost(Duration.ofSeconds(5)).until(pipeline::isClosed);
        assertThat(closing).isNotDone();

        sink.release();

        assertThat(closing).succeedsWithin(Duration.ofSeconds(5));
        assertThat(writes).allSatisfy(write -> assertThat(write).isCompleted().isNotCompletedExceptionally());
        assertThat(sink.stored).hasSize(100);
        assertThat(pipeline.submit(bytes("late"), bytes("v")))
                .failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(StorageException.class);
    }

    @Test
    void should_not_deadlock_when_dependent_stages_write_again_into_a_full_queue() {
        WritePipeline pipeline = open(0, 1);
        List<CompletableFuture<Void>> followUps = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> firsts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int first = i;
            firsts.add(pipeline.submit(bytes("k" + i), bytes("v")).thenRun(() -> {
                for (int j = 0; j < 8; j++) {
                    followUps.add(pipeline.submit(bytes("f" + first + "-" + j), bytes("v")));
                }
            }));
        }

        assertThat(CompletableFuture.allOf(firsts.toArray(CompletableFuture[]::new)))
                .succeedsWithin(Duration.ofSeconds(10));
        assertThat(followUps).hasSize(32);
        assertThat(CompletableFuture.allOf(followUps.toArray(CompletableFuture[]::new)))
                .succeedsWithin(Duration.ofSeconds(10));
        assertThat(sink.stored).hasSize(36);
    }

    @Test
    void should_let_a_dependent_stage_close_the_pipeline_without_waiting_for_itself() {
        WritePipeline pipeline = open(0, 4);
        CompletableFuture<Void> closedByStage =
                pipeline.submit(bytes("k"), bytes("v")).thenRun(pipeline::close);

        assertThat(closedByStage).succeedsWithin(Duration.ofSeconds(10));
        assertThat(pipeline.isClosed()).isTrue();
        assertThat(pipeline.submit(bytes("later"), bytes("v")))
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(StorageException.class);
        assertThat(sink.stored).containsOnlyKeys("k");
    }

    @Test
    void should_write_directly_in_the_callers_thread_under_per_write_sync() {
        WritePipeline pipeline = WritePipeline.open(SyncPolicy.perWrite(), "test", sink);
        pipelines.add(pipeline);

        CompletableFuture<Void> write = pipeline.submit(bytes("k"), bytes("v"));

        assertThat(write).isCompleted();
        assertThat(sink.writerThreads).containsExactly(Thread.currentThread().getName());
        pipeline.close();
        assertThat(pipeline.submit(bytes("k"), bytes("v"))).isCompletedExceptionally();
    }

    private WritePipeline open(int intervalMillis, int maxBatchSize) {
        WritePipeline pipeline = WritePipeline.open(SyncPolicy.groupCommit(intervalMillis, maxBatchSize), "test", sink);
        pipelines.add(pipeline);
        return pipeline;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Records batches; can block the writer inside a batch, or fail the next batch. */
    private static final class CapturingSink implements WriteSink {
        final List<List<QueuedWrite>> batches = new CopyOnWriteArrayList<>();
        final List<String> writerThreads = new CopyOnWriteArrayList<>();
        final Map<String, byte[]> stored = new ConcurrentHashMap<>();
        final AtomicBoolean failNext = new AtomicBoolean();
        volatile CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch gate = new CountDownLatch(0);

        void blockWrites() {
            entered = new CountDownLatch(1);
            gate = new CountDownLatch(1);
        }

        void release() {
            gate.countDown();
        }

        byte[] read(byte[] key) {
            return stored.get(new String(key, StandardCharsets.UTF_8));
        }

        @Override
        public void writeDurably(List<QueuedWrite> batch) {
            entered.countDown();
            try {
                if (!gate.await(10, TimeUnit.SECONDS)) {
                    throw new StorageException("test sink was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("interrupted");
            }
            writerThreads.add(Thread.currentThread().getName());
            if (failNext.getAndSet(false)) {
                throw new StorageException("disk on fire");
            }
            for (QueuedWrite write : batch) {
                String key = new String(write.key(), StandardCharsets.UTF_8);
                if (write.isRemoval()) {
                    stored.remove(key);
                } else {
                    stored.put(key, write.value());
                }
            }
            batches.add(List.copyOf(batch));
        }
    }
}
