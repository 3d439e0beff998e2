package io.ringkv.benchmarks.load;

import io.ringkv.time.Clock;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one benchmark operation through a {@link KvDriver} and records its outcome: latency from just
 * before the request is handed to the driver until its stage completes, the error label on failure, and
 * the context of the reply in the {@link ContextCache} for the key's next update.
 *
 * <p>Updates are writes of a fresh value, not read-modify-write cycles: they carry the context of the
 * key's last read or write by this client (empty before the first), so they supersede what this client
 * saw. Only updates racing each other on the same key, which a zipfian workload makes common, create
 * siblings; the next read's context covers them and the next update resolves them.
 */
public final class OperationExecutor {

    private final KvDriver driver;
    private final KeySpace keys;
    private final ValuePool values;
    private final ContextCache contexts;
    private final Clock clock;
    private final AtomicLong writeSequence = new AtomicLong();

    public OperationExecutor(KvDriver driver, KeySpace keys, ValuePool values, ContextCache contexts, Clock clock) {
        this.driver = driver;
        this.keys = keys;
        this.values = values;
        this.contexts = contexts;
        this.clock = clock;
    }

    /** Runs the operation, recording into {@code stats}; the stage never fails. */
    public CompletionStage<Void> execute(OperationType type, long keyIndex, LatencyStats stats) {
        byte[] key = keys.key(keyIndex);
        long startNanos = clock.nanoTime();
        if (type == OperationType.READ) {
            return driver.read(key).handle((outcome, failure) -> {
                long latencyNanos = clock.nanoTime() - startNanos;
                if (failure != null) {
                    stats.recordFailure(label(failure));
                } else {
                    stats.recordSuccess(type, latencyNanos);
                    stats.recordRead(outcome);
                    if (outcome.context().length > 0) {
                        contexts.remember(keyIndex, outcome.context());
                    }
                }
                return null;
            });
        }
        byte[] value = values.value(writeSequence.getAndIncrement());
        return driver.update(key, value, contexts.contextOf(keyIndex)).handle((context, failure) -> {
            long latencyNanos = clock.nanoTime() - startNanos;
            if (failure != null) {
                stats.recordFailure(label(failure));
            } else {
                stats.recordSuccess(type, latencyNanos);
                contexts.remember(keyIndex, context);
            }
            return null;
        });
    }

    static String label(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof OperationFailure operationFailure) {
            return operationFailure.label();
        }
        return "client:" + cause.getClass().getSimpleName();
    }
}
