package io.ringkv.server.linearizable;

import io.ringkv.server.storage.StorageEngine;
import io.ringkv.server.storage.StorageException;
import io.ringkv.server.storage.StorageKey;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A replica's linearizable registers on top of their own {@link StorageEngine} (never the engine of the
 * sibling sets: the two modes keep separate state for the same key).
 *
 * <p><b>Monotonic tags.</b> {@link #writeIfNewer} stores a register only when its tag is greater than the
 * stored one, as one read-compare-write under the key's lock stripe (the pattern of
 * {@link io.ringkv.server.storage.ReplicaStore}), so a replica's tag for a key never decreases, whatever
 * order concurrent writes arrive in.
 *
 * <p><b>Durability.</b> Both {@link #read} and {@link #writeIfNewer} complete only once the state they
 * report is durable: an acknowledgement or a reported tag is a promise the coordinator counts toward a
 * majority, and a crash must not take it back. A write that finds a newer tag stored still waits for that
 * newer state's sync when it is pending.
 *
 * <p><b>Corruption.</b> A stored value that does not decode raises {@link StorageException} naming the
 * key; the value is left untouched. Thread-safe; blocks on the engine, so never call it on an event loop.
 */
public final class RegisterStore {

    public static final int DEFAULT_STRIPES = 1024;

    private final StorageEngine engine;
    private final ReentrantLock[] stripes;
    /** The latest not-yet-durable write of each key; entries leave when their write completes. */
    private final Map<ByteBuffer, CompletableFuture<Void>> pendingWrites = new ConcurrentHashMap<>();

    public RegisterStore(StorageEngine engine) {
        this(engine, DEFAULT_STRIPES);
    }

    /** @param stripeCount the number of lock stripes, a power of two */
    public RegisterStore(StorageEngine engine, int stripeCount) {
        this.engine = Objects.requireNonNull(engine, "engine");
        if (stripeCount < 1 || Integer.bitCount(stripeCount) != 1) {
            throw new IllegalArgumentException("stripe count must be a power of two, was " + stripeCount);
        }
        this.stripes = new ReentrantLock[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** The stored register of {@code key} ({@link Register#ABSENT} when never written), once durable. */
    public CompletableFuture<Register> read(StorageKey key) {
        ReentrantLock stripe = stripeOf(key);
        stripe.lock();
        try {
            Register stored = load(key);
            return whenDurable(key, stored);
        } finally {
            stripe.unlock();
        }
    }

    /**
     * Stores {@code incoming} if its tag is greater than the stored one; completes with the register the
     * replica holds afterwards (the incoming one, or the newer one already stored) once that is durable.
     */
    public CompletableFuture<Register> writeIfNewer(StorageKey key, Register incoming) {
        Objects.requireNonNull(incoming, "incoming");
        ReentrantLock stripe = stripeOf(key);
        stripe.lock();
        try {
            Register stored = load(key);
            if (!incoming.newerThan(stored)) {
                return whenDurable(key, stored);
            }
            CompletableFuture<Void> write = engine.put(key, RegisterCodec.encode(incoming));
            if (!write.isDone()) {
                ByteBuffer pendingKey = ByteBuffer.wrap(key.encode());
                pendingWrites.put(pendingKey, write);
                write.whenComplete((done, failure) -> pendingWrites.remove(pendingKey, write));
            }
            return write.thenApply(done -> incoming);
        } finally {
            stripe.unlock();
        }
    }

    /**
     * Merges a register streamed from another replica in its stored form: kept if its tag is greater than
     * the stored one, as {@link #writeIfNewer} does, so copies from several replicas in any order leave the
     * highest. Completes once the register the replica holds afterwards is durable.
     *
     * @throws IllegalArgumentException when {@code encoded} is not an encoded register; nothing is stored
     */
    public CompletableFuture<Void> mergeEncoded(StorageKey key, byte[] encoded) {
        Register incoming;
        try {
            incoming = RegisterCodec.decode(encoded);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException(
                    "a streamed register of " + key + " cannot be decoded: " + malformed.getMessage(), malformed);
        }
        return writeIfNewer(key, incoming).thenApply(held -> null);
    }

    /** The engine underneath (streaming reads it as it is; diagnostics and tests). */
    public StorageEngine engine() {
        return engine;
    }

    private CompletableFuture<Register> whenDurable(StorageKey key, Register stored) {
        CompletableFuture<Void> pending = pendingWrites.get(ByteBuffer.wrap(key.encode()));
        return pending == null ? CompletableFuture.completedFuture(stored) : pending.thenApply(done -> stored);
    }

    private Register load(StorageKey key) {
        return engine.get(key).map(bytes -> decode(key, bytes)).orElse(Register.ABSENT);
    }

    private static Register decode(StorageKey key, byte[] stored) {
        try {
            return RegisterCodec.decode(stored);
        } catch (IllegalArgumentException malformed) {
            throw new StorageException(
                    "the stored linearizable register of " + key + " (" + stored.length + " bytes) cannot be"
                            + " decoded (" + malformed.getMessage() + "); it was left untouched for an operator."
                            + " Restore the node's linearizable directory from a backup: replacing the value"
                            + " by another replica's may lose a write that reached a bare majority.",
                    malformed);
        }
    }

    private ReentrantLock stripeOf(StorageKey key) {
        int hash = key.hashCode();
        hash ^= hash >>> 16;
        return stripes[hash & (stripes.length - 1)];
    }
}
