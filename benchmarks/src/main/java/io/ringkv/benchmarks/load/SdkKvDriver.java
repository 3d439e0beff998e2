package io.ringkv.benchmarks.load;

import io.ringkv.client.CausalContext;
import io.ringkv.client.ReadOptions;
import io.ringkv.client.RingKvClient;
import io.ringkv.client.WriteOptions;
import io.ringkv.client.error.RingKvException;
import io.ringkv.protocol.ErrorCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Benchmark operations through the SDK's asynchronous API, exactly as an application would call it.
 * SDK exceptions become {@link OperationFailure}s labelled by the server's error code, or by the
 * exception's class for failures the client detected itself.
 */
public final class SdkKvDriver implements KvDriver {

    private final RingKvClient client;
    private final ReadOptions readOptions;
    private final WriteOptions writeOptions;

    /**
     * @param readQuorum R (0 = the node's default)
     * @param writeQuorum W (0 = the node's default)
     */
    public SdkKvDriver(RingKvClient client, int readQuorum, int writeQuorum) {
        this.client = client;
        this.readOptions = ReadOptions.DEFAULT.withR(readQuorum);
        this.writeOptions = WriteOptions.DEFAULT.withW(writeQuorum);
    }

    @Override
    public CompletionStage<ReadOutcome> read(byte[] key) {
        return client.get(key, readOptions).handle((result, failure) -> {
            if (failure != null) {
                throw translate(failure);
            }
            return new ReadOutcome(
                    result.found(), result.siblings().size(), result.context().toBytes());
        });
    }

    @Override
    public CompletionStage<byte[]> update(byte[] key, byte[] value, byte[] context) {
        CausalContext causal = context.length == 0 ? CausalContext.NONE : CausalContext.fromBytes(context);
        return client.put(key, value, causal, writeOptions).handle((result, failure) -> {
            if (failure != null) {
                throw translate(failure);
            }
            return result.context().toBytes();
        });
    }

    static OperationFailure translate(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RingKvException sdk) {
            return sdk.errorCode() == ErrorCode.NONE
                    ? OperationFailure.client(sdk.getClass().getSimpleName(), sdk.getMessage(), sdk)
                    : new OperationFailure(sdk.errorCode().name(), sdk.getMessage(), sdk);
        }
        return OperationFailure.client(cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()), cause);
    }

    @Override
    public void close() {
        client.close();
    }
}
