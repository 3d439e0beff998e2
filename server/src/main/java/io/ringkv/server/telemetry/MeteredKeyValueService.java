package io.ringkv.server.telemetry;

import io.ringkv.server.coordinator.KeyValueService;
import io.ringkv.server.coordinator.ReadOptions;
import io.ringkv.server.coordinator.ReadResult;
import io.ringkv.server.coordinator.WriteOptions;
import io.ringkv.server.coordinator.WriteResult;
import io.ringkv.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * Records every client request's latency per operation, whichever front end (binary or HTTP) it came
 * through and whether it succeeded, so the latency metric is what clients experienced at this node.
 */
public final class MeteredKeyValueService implements KeyValueService {

    private final KeyValueService delegate;
    private final NodeMetrics metrics;
    private final Clock clock;

    public MeteredKeyValueService(KeyValueService delegate, NodeMetrics metrics, Clock clock) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public CompletionStage<ReadResult> get(byte[] key, ReadOptions options) {
        long start = clock.nanoTime();
        return timed("get", delegate.get(key, options), start);
    }

    @Override
    public CompletionStage<WriteResult> put(byte[] key, byte[] value, byte[] context, WriteOptions options) {
        long start = clock.nanoTime();
        return timed("put", delegate.put(key, value, context, options), start);
    }

    @Override
    public CompletionStage<WriteResult> delete(byte[] key, byte[] context, WriteOptions options) {
        long start = clock.nanoTime();
        return timed("delete", delegate.delete(key, context, options), start);
    }

    private <T> CompletionStage<T> timed(String operation, CompletionStage<T> stage, long startNanos) {
        return stage.whenComplete(
                (ignored, failure) -> metrics.requestCompleted(operation, clock.nanoTime() - startNanos));
    }
}
