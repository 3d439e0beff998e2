package io.ringkv.testkit;

import io.ringkv.client.error.RingKvException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * How one SDK operation ended: its result or its {@link RingKvException}. Any other failure is a bug in
 * the SDK's contract and is rethrown.
 */
record Outcome<T>(T value, RingKvException failure) {

    static <T> Outcome<T> of(CompletionStage<T> stage) {
        try {
            return new Outcome<>(stage.toCompletableFuture().join(), null);
        } catch (CompletionException wrapped) {
            if (wrapped.getCause() instanceof RingKvException failure) {
                return new Outcome<>(null, failure);
            }
            throw wrapped;
        }
    }

    boolean succeeded() {
        return failure == null;
    }
}
