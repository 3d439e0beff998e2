package io.ringkv.benchmarks.load;

import java.util.concurrent.CompletionStage;

/**
 * Sends the benchmark's two operations to the cluster. A stage fails with an {@link OperationFailure}
 * naming the error; implementations never block the caller.
 */
public interface KvDriver extends AutoCloseable {

    /** A quorum read; completes with the siblings found and the context to write with. */
    CompletionStage<ReadOutcome> read(byte[] key);

    /** A write of {@code value} superseding {@code context} (empty for a blind write); completes with the new context. */
    CompletionStage<byte[]> update(byte[] key, byte[] value, byte[] context);

    @Override
    void close();
}
