package io.ringkv.server.storage;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * How an engine's writes reach its {@link WriteSink}: directly in the caller's thread
 * ({@link SyncPolicy.Kind#PER_WRITE}) or through one group-commit writer thread
 * ({@link SyncPolicy.Kind#GROUP_COMMIT}). Both give the engine read-your-writes through
 * {@link #read}, and both make {@link #close()} wait for writes already accepted.
 */
public interface WritePipeline extends AutoCloseable {

    /** The pipeline for {@code policy}; {@code storeName} names the store in thread names and errors. */
    static WritePipeline open(SyncPolicy policy, String storeName, WriteSink sink) {
        return switch (policy.kind()) {
            case PER_WRITE -> new DirectWriter(storeName, sink);
            case GROUP_COMMIT ->
                new GroupCommitWriter(storeName, policy.groupCommitIntervalMillis(), policy.maxBatchSize(), sink);
        };
    }

    /**
     * Accepts a write of {@code value} ({@code null} = removal) under the encoded {@code key}. Once this
     * returns, {@link #read} sees the write. The future completes when it is durable, or exceptionally
     * with {@link StorageException}; after {@link #close()} it is already failed. May block while the
     * pipeline is full (backpressure) or, under per-write sync, for the whole write.
     */
    CompletableFuture<Void> submit(byte[] key, byte[] value);

    /**
     * The value of {@code key} as the caller should see it: a write accepted but not yet applied to the
     * store wins; otherwise {@code storeRead} (which returns {@code null} for absent) decides.
     */
    Optional<byte[]> read(byte[] key, Function<byte[], byte[]> storeRead);

    /** Whether {@link #close()} has been called (or the pipeline failed for good). */
    boolean isClosed();

    /** Stops accepting writes and returns once every accepted write is durable and its future completed. */
    @Override
    void close();
}
