package io.ringkv.client;

import io.ringkv.client.error.RequestInterruptedException;
import io.ringkv.client.error.RingKvException;
import io.ringkv.client.internal.channel.ClientIoThread;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;

/**
 * The blocking face of a {@link RingKvClient} ({@link RingKvClient#blocking()}): the same operations,
 * each waiting for its result and throwing the operation's {@link RingKvException} on failure. Every
 * operation has a deadline of its own, so a call never waits longer than its timeout (plus a small
 * margin).
 *
 * <p>Do not call these methods on the client's I/O threads (in a callback of an asynchronous operation):
 * the call would wait for a reply that only the blocked thread could deliver, so it throws
 * {@link IllegalStateException} instead. If the waiting thread is interrupted, the method throws
 * {@link RequestInterruptedException}; the operation goes on in the background.
 */
public final class BlockingRingKvClient {

    private final RingKvClient client;

    BlockingRingKvClient(RingKvClient client) {
        this.client = client;
    }

    public GetResult get(byte[] key) {
        return await(client.get(key));
    }

    public GetResult get(byte[] key, ReadOptions options) {
        return await(client.get(key, options));
    }

    public GetResult get(String key) {
        return await(client.get(key));
    }

    public GetResult get(String key, ReadOptions options) {
        return await(client.get(key, options));
    }

    public PutResult put(byte[] key, byte[] value, CausalContext context) {
        return await(client.put(key, value, context));
    }

    public PutResult put(byte[] key, byte[] value, CausalContext context, WriteOptions options) {
        return await(client.put(key, value, context, options));
    }

    public PutResult put(String key, String value, CausalContext context) {
        return await(client.put(key, value, context));
    }

    public PutResult put(String key, String value, CausalContext context, WriteOptions options) {
        return await(client.put(key, value, context, options));
    }

    public DeleteResult delete(byte[] key, CausalContext context) {
        return await(client.delete(key, context));
    }

    public DeleteResult delete(byte[] key, CausalContext context, WriteOptions options) {
        return await(client.delete(key, context, options));
    }

    public DeleteResult delete(String key, CausalContext context) {
        return await(client.delete(key, context));
    }

    public DeleteResult delete(String key, CausalContext context, WriteOptions options) {
        return await(client.delete(key, context, options));
    }

    public <T> Resolved<T> getResolved(byte[] key, SiblingResolver<T> resolver) {
        return await(client.getResolved(key, resolver));
    }

    public <T> Resolved<T> getResolved(byte[] key, SiblingResolver<T> resolver, ReadOptions options) {
        return await(client.getResolved(key, resolver, options));
    }

    public <T> Resolved<T> getResolved(String key, SiblingResolver<T> resolver) {
        return await(client.getResolved(key, resolver));
    }

    public PutResult update(byte[] key, SiblingResolver<byte[]> resolver, UnaryOperator<byte[]> change) {
        return await(client.update(key, resolver, change));
    }

    public PutResult update(
            byte[] key, SiblingResolver<byte[]> resolver, UnaryOperator<byte[]> change, WriteOptions options) {
        return await(client.update(key, resolver, change, options));
    }

    public PutResult update(
            String key, SiblingResolver<byte[]> resolver, UnaryOperator<byte[]> change, WriteOptions options) {
        return await(client.update(key, resolver, change, options));
    }

    private static <T> T await(CompletionStage<T> stage) {
        if (ClientIoThread.isCurrent()) {
            throw new IllegalStateException(
                    "blocking RingKV call on a client I/O thread would deadlock; use the asynchronous API here");
        }
        try {
            return stage.toCompletableFuture().get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RequestInterruptedException(interrupted);
        } catch (ExecutionException failed) {
            throw rethrowable(failed.getCause());
        }
    }

    private static RuntimeException rethrowable(Throwable cause) {
        Throwable unwrapped = cause;
        while (unwrapped instanceof CompletionException && unwrapped.getCause() != null) {
            unwrapped = unwrapped.getCause();
        }
        if (unwrapped instanceof RuntimeException runtime) {
            return runtime;
        }
        if (unwrapped instanceof Error error) {
            throw error;
        }
        return new CompletionException(unwrapped);
    }
}
