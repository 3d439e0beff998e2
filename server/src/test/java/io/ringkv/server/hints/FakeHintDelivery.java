package io.ringkv.server.hints;

import io.ringkv.causal.SiblingSet;
import io.ringkv.server.storage.StorageKey;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiPredicate;

/**
 * A {@link HintDelivery} the test drives: each delivery is recorded, and either acknowledged at once,
 * failed at once (for the owners and keys {@link #failWhen} selects), or, while {@link #hold} is on,
 * left pending until the test {@link #acknowledge}s it (or fails its reply).
 */
final class FakeHintDelivery implements HintDelivery {

    /** One call of {@link #deliver}; {@code reply} is what the replayer waits for. */
    record Delivery(String owner, StorageKey key, SiblingSet set, CompletableFuture<Void> reply) {}

    private final ConcurrentLinkedQueue<Delivery> calls = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Delivery> acknowledged = new ConcurrentLinkedQueue<>();
    private volatile BiPredicate<String, StorageKey> failing = (owner, key) -> false;
    private volatile boolean holding;

    @Override
    public CompletionStage<Void> deliver(String owner, StorageKey key, SiblingSet set) {
        Delivery delivery = new Delivery(owner, key, set, new CompletableFuture<>());
        calls.add(delivery);
        if (failing.test(owner, key)) {
            delivery.reply().completeExceptionally(new IllegalStateException("owner " + owner + " did not answer"));
        } else if (!holding) {
            acknowledge(delivery);
        }
        return delivery.reply();
    }

    /** Acknowledges a held delivery: recorded first, so a test that sees the hint gone also sees the delivery. */
    void acknowledge(Delivery delivery) {
        acknowledged.add(delivery);
        delivery.reply().complete(null);
    }

    /** Fails, from now on, every delivery {@code failing} selects; the others are acknowledged. */
    void failWhen(BiPredicate<String, StorageKey> failing) {
        this.failing = failing;
    }

    /** While on, deliveries stay pending until the test acknowledges or fails them. */
    void hold(boolean holding) {
        this.holding = holding;
    }

    List<Delivery> calls() {
        return List.copyOf(calls);
    }

    List<Delivery> pending() {
        return calls.stream().filter(call -> !call.reply().isDone()).toList();
    }

    List<Delivery> acknowledged() {
        return List.copyOf(acknowledged);
    }
}
