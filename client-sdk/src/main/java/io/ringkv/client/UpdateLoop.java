package io.ringkv.client;

import io.ringkv.client.error.NoReachableNodeException;
import io.ringkv.client.error.OverloadedException;
import io.ringkv.client.error.RequestTimeoutException;
import io.ringkv.client.error.RingKvException;
import io.ringkv.client.error.ServerErrorException;
import io.ringkv.client.error.UnavailableException;
import io.ringkv.client.internal.timer.Scheduler;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * The read-merge-change-write rounds behind {@link RingKvClient#update}, retried after transient
 * definite failures with jittered exponential backoff.
 */
final class UpdateLoop {

    private static final long BASE_BACKOFF_NANOS = 10_000_000L;
    private static final long MAX_BACKOFF_NANOS = 500_000_000L;

    private final RingKvClient client;
    private final Scheduler scheduler;
    private final int maxAttempts;
    private final SplittableRandom random;

    UpdateLoop(RingKvClient client, Scheduler scheduler, int maxAttempts, long seed) {
        this.client = client;
        this.scheduler = scheduler;
        this.maxAttempts = maxAttempts;
        this.random = new SplittableRandom(seed);
    }

    CompletionStage<PutResult> run(
            byte[] key, SiblingResolver<byte[]> resolver, UnaryOperator<byte[]> change, WriteOptions options) {
        CompletableFuture<PutResult> result = new CompletableFuture<>();
        attempt(1, key, resolver, change, options, result);
        return result;
    }

    private void attempt(
            int attempt,
            byte[] key,
            SiblingResolver<byte[]> resolver,
            UnaryOperator<byte[]> change,
            WriteOptions options,
            CompletableFuture<PutResult> result) {
        ReadOptions readOptions =
                ReadOptions.DEFAULT.withConsistency(options.consistency()).withTimeout(options.timeout());
        client.get(key, readOptions)
                .thenCompose(read -> {
                    Resolved<byte[]> merged = RingKvClient.resolve(read, resolver);
                    byte[] next = change.apply(merged.value());
                    if (next == null) {
                        throw new NullPointerException("the update's change function returned null");
                    }
                    return client.put(key, next, merged.context(), options);
                })
                .whenComplete((written, error) -> {
                    if (error == null) {
                        result.complete(written);
                        return;
                    }
                    Throwable cause = unwrap(error);
                    if (attempt < maxAttempts && isRetryable(cause) && !client.isClosed()) {
                        scheduler.schedule(
                                () -> attempt(attempt + 1, key, resolver, change, options, result),
                                backoffNanos(attempt));
                    } else {
                        result.completeExceptionally(cause);
                    }
                });
    }

    /** Definite failures that another round may not meet: the cluster was briefly unable, not the request wrong. */
    static boolean isRetryable(Throwable failure) {
        return failure instanceof RingKvException ringKv
                && ringKv.definitelyNotApplied()
                && (failure instanceof UnavailableException
                        || failure instanceof OverloadedException
                        || failure instanceof RequestTimeoutException
                        || failure instanceof NoReachableNodeException
                        || failure instanceof ServerErrorException);
    }

    private long backoffNanos(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF_NANOS, BASE_BACKOFF_NANOS << Math.min(attempt - 1, 20));
        synchronized (random) {
            return ceiling / 2 + random.nextLong(ceiling / 2 + 1);
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
