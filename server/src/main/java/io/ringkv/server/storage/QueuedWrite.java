package io.ringkv.server.storage;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One write on its way to an engine's store: an encoded key, the value to store ({@code null} for a
 * physical removal), and the future to complete once it is durable. Identity matters: two writes of the
 * same key and value are still two writes.
 */
public final class QueuedWrite {

    private final byte[] key;
    private final byte[] value;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final boolean unbounded;

    public QueuedWrite(byte[] key, byte[] value) {
        this(key, value, false);
    }

    /** @param unbounded true when the write was queued over the pipeline's bound and holds no room in it */
    QueuedWrite(byte[] key, byte[] value, boolean unbounded) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = value;
        this.unbounded = unbounded;
    }

    /** The encoded storage key. Must not be modified. */
    public byte[] key() {
        return key;
    }

    /** The value to store, or {@code null} when this write removes the key. Must not be modified. */
    public byte[] value() {
        return value;
    }

    public boolean isRemoval() {
        return value == null;
    }

    boolean isUnbounded() {
        return unbounded;
    }

    /** Completes when the write is durable; the pipeline, not the sink, completes it. */
    public CompletableFuture<Void> done() {
        return done;
    }
}
