package io.ringkv.benchmarks.load;

import io.ringkv.protocol.ErrorCode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory {@link KvDriver} that completes every request on its own thread, counts what it was
 * sent, tracks how many requests were outstanding at once, and fails updates of one chosen key.
 */
final class FakeKvDriver implements KvDriver {

    private final ExecutorService completer = Executors.newSingleThreadExecutor();
    private final Map<String, byte[]> contexts = new ConcurrentHashMap<>();
    private final Map<String, byte[]> sentContexts = new ConcurrentHashMap<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger maxOutstanding = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger updates = new AtomicInteger();
    private final String failingKey;
    private final AtomicInteger version = new AtomicInteger();

    FakeKvDriver(String failingKey) {
        this.failingKey = failingKey;
    }

    @Override
    public CompletionStage<ReadOutcome> read(byte[] key) {
        reads.incrementAndGet();
        String name = new String(key);
        return later(() -> {
            byte[] context = contexts.get(name);
            return context == null ? new ReadOutcome(false, 0, new byte[0]) : new ReadOutcome(true, 1, context);
        });
    }

    @Override
    public CompletionStage<byte[]> update(byte[] key, byte[] value, byte[] context) {
        updates.incrementAndGet();
        String name = new String(key);
        sentContexts.put(name, context);
        return later(() -> {
            if (name.equals(failingKey)) {
                throw OperationFailure.server(ErrorCode.UNAVAILABLE, "failing on purpose");
            }
            byte[] next = new byte[] {(byte) version.incrementAndGet()};
            contexts.put(name, next);
            return next;
        });
    }

    private <T> CompletionStage<T> later(java.util.function.Supplier<T> result) {
        int now = outstanding.incrementAndGet();
        maxOutstanding.accumulateAndGet(now, Math::max);
        return CompletableFuture.supplyAsync(
                () -> {
                    outstanding.decrementAndGet();
                    return result.get();
                },
                completer);
    }

    int maxOutstanding() {
        return maxOutstanding.get();
    }

    /** The context the last update of {@code key} carried. */
    byte[] lastContextSentFor(String key) {
        return sentContexts.get(key);
    }

    /** The context the fake store last handed out for {@code key}. */
    byte[] storedContextOf(String key) {
        return contexts.get(key);
    }

    @Override
    public void close() {
        completer.shutdownNow();
    }
}
