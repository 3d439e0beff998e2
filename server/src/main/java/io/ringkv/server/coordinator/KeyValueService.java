package io.ringkv.server.coordinator;

import java.util.concurrent.CompletionStage;

/**
 * The client-facing key-value contract of one node, shared by the binary and the HTTP front ends.
 *
 * <p>Every method returns at once; the stage completes on an internal thread, exceptionally with a
 * {@link RequestFailedException} that says whether the operation definitely did not happen. Callers
 * on a Netty event loop may call these methods: nothing here blocks.
 */
public interface KeyValueService {

    CompletionStage<ReadResult> get(byte[] key, ReadOptions options);

    /**
     * Writes {@code value}, superseding exactly the versions {@code context} covers.
     *
     * @param context the opaque context of an earlier read, or an empty array for a blind write
     */
    CompletionStage<WriteResult> put(byte[] key, byte[] value, byte[] context, WriteOptions options);

    /** Writes a tombstone that supersedes the versions {@code context} covers. */
    CompletionStage<WriteResult> delete(byte[] key, byte[] context, WriteOptions options);
}
