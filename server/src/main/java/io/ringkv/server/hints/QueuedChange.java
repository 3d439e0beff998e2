package io.ringkv.server.hints;

import io.ringkv.server.storage.StorageException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One change of the hint store waiting for the {@link HintWriter}: applied on the writer thread inside a
 * batch, its outcome published only after the batch's commit.
 *
 * <p>A change may refuse itself, by throwing {@link HintStoreFullException} or {@link StorageException}
 * (an unreadable record), only while it has not yet written anything or after it has left the store and
 * the totals consistent; the rest of the batch then goes on and the change fails alone. Any other
 * exception fails the whole batch, which is rolled back.
 *
 * @param <T> the change's result
 */
final class QueuedChange<T> {

    private final Supplier<T> change;
    private final CompletableFuture<T> done = new CompletableFuture<>();
    private T result;
    private RuntimeException refusal;

    QueuedChange(Supplier<T> change) {
        this.change = change;
    }

    /** Runs the change (writer thread only) and keeps its result or refusal until the batch is durable. */
    void apply() {
        try {
            result = change.get();
        } catch (HintStoreFullException | StorageException refused) {
            refusal = refused;
        }
    }

    /** Publishes the outcome once the batch holding this change was committed. */
    void completeCommitted() {
        if (refusal != null) {
            done.completeExceptionally(refusal);
        } else {
            done.complete(result);
        }
    }

    /** Fails the change because its batch could not be committed (or was never written). */
    void fail(StorageException failure) {
        done.completeExceptionally(failure);
    }

    CompletableFuture<T> done() {
        return done;
    }
}
