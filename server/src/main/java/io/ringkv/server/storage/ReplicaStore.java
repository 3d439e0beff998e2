package io.ringkv.server.storage;

import io.ringkv.causal.MalformedCausalDataException;
import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSetCodec;
import io.ringkv.causal.SiblingSets;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A replica's sibling sets on top of a {@link StorageEngine}: every change of a key is a read-merge-write
 * (or read-update-write) under that key's lock, so two concurrent writes to one key never read the same
 * stored set and lose each other's versions.
 *
 * <p><b>Locking.</b> Keys map to one of {@value #DEFAULT_STRIPES} lock stripes by hash. A stripe is held
 * while the stored set is read and decoded, merged, encoded and handed to the engine; not while the
 * write is synced (the engine's reads already see a handed-over write, see {@link StorageEngine}), so
 * under group commit many writes of one stripe share one fsync. Under per-write sync the engine syncs
 * inside {@code put}, so the stripe is held for the fsync.
 *
 * <p><b>Durability.</b> The returned future completes when the resulting set is durable, also when
 * nothing had to be written: if the stored set already contained everything but was itself still
 * waiting for its sync, the future waits for that sync. So an acknowledgement always means durable.
 *
 * <p><b>Corruption.</b> A stored value that does not decode raises {@link StorageException} naming the
 * key, and the value is left untouched for an operator (or anti-entropy) to repair: never silently
 * overwritten.
 *
 * <p>All writes of sibling sets to the engine must go through one {@code ReplicaStore}. Thread-safe;
 * blocks on the engine, so never call it on a Netty event loop, except {@link #readAsync}.
 */
public final class ReplicaStore {

    public static final int DEFAULT_STRIPES = 1024;

    /**
     * Told of every change of a key's stored bytes, so derived state (the anti-entropy Merkle trees) stays
     * current without rescans. Called under the key's stripe lock, right after the new bytes were handed
     * to the engine, so the calls for one key arrive in the order of the writes. It must be fast, must not
     * block and must not call back into the store.
     */
    @FunctionalInterface
    public interface StoredSetObserver {

        /** Observes nothing; the store's behaviour without an observer. */
        StoredSetObserver NONE = (key, previousEncoded, newEncoded) -> {};

        /**
         * @param previousEncoded the bytes stored before, {@code null} when the key was absent
         * @param newEncoded the bytes stored now, {@code null} when the key was purged
         */
        void changed(StorageKey key, byte[] previousEncoded, byte[] newEncoded);
    }

    private final StorageEngine engine;
    private final ReentrantLock[] stripes;
    private final StoredSetObserver observer;
    /** The latest not-yet-durable write of each key; entries leave when their write completes. */
    private final Map<ByteBuffer, CompletableFuture<Void>> pendingWrites = new ConcurrentHashMap<>();

    public ReplicaStore(StorageEngine engine) {
        this(engine, DEFAULT_STRIPES);
    }

    /** @param stripeCount the number of lock stripes, a power of two */
    public ReplicaStore(StorageEngine engine, int stripeCount) {
        this(engine, stripeCount, StoredSetObserver.NONE);
    }

    /** A store that reports every change of stored bytes to {@code observer}. */
    public ReplicaStore(StorageEngine engine, StoredSetObserver observer) {
        this(engine, DEFAULT_STRIPES, observer);
    }

    /**
     * @param stripeCount the number of lock stripes, a power of two
     * @param observer told of every change of stored bytes, under the key's lock
     */
    public ReplicaStore(StorageEngine engine, int stripeCount, StoredSetObserver observer) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.observer = Objects.requireNonNull(observer, "observer");
        if (stripeCount < 1 || Integer.bitCount(stripeCount) != 1) {
            throw new IllegalArgumentException("stripe count must be a power of two, was " + stripeCount);
        }
        this.stripes = new ReentrantLock[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** The stored set of {@code key}, empty when the key was never written (or was purged). */
    public Optional<SiblingSet> read(StorageKey key) {
        return engine.get(key).map(stored -> decode(key, stored));
    }

    /**
     * The stored set of {@code key}, answered at once when the engine finds it in memory
     * ({@link StorageEngine#lookupInMemory}), else read on {@code blockingReads}. Safe on an event loop:
     * most reads of a warm node then cost no thread hand-off. The future fails with
     * {@link StorageException} when the stored value does not decode or the engine is closed, never a
     * throw into the caller (a coordinator's fan-out loop).
     *
     * @throws java.util.concurrent.RejectedExecutionException when the read needs {@code blockingReads}
     *     and it refuses the task
     */
    public CompletableFuture<Optional<SiblingSet>> readAsync(StorageKey key, Executor blockingReads) {
        return storedBytesAsync(key, blockingReads).thenApply(stored -> stored.map(bytes -> decode(key, bytes)));
    }

    /**
     * Like {@link #readAsync}, but the stored set as it is stored: checked to decode, not re-encoded. A
     * replica read reply carries exactly these bytes, so decoding and encoding the set again to send it
     * would be wasted work on the event loop.
     */
    public CompletableFuture<Optional<byte[]>> readEncodedAsync(StorageKey key, Executor blockingReads) {
        return storedBytesAsync(key, blockingReads).thenApply(stored -> {
            stored.ifPresent(bytes -> decode(key, bytes));
            return stored;
        });
    }

    private CompletableFuture<Optional<byte[]>> storedBytesAsync(StorageKey key, Executor blockingReads) {
        MemoryLookup lookup;
        try {
            lookup = engine.lookupInMemory(key);
        } catch (StorageException closed) {
            return CompletableFuture.failedFuture(closed);
        }
        return lookup.needsIo()
                ? CompletableFuture.supplyAsync(() -> engine.get(key), blockingReads)
                : CompletableFuture.completedFuture(lookup.stored());
    }

    /**
     * Merges {@code incoming} into the stored set of {@code key} ({@link SiblingSets#merge}), writes the
     * result if it differs from what is stored, and returns it once it is durable.
     */
    public CompletableFuture<SiblingSet> apply(StorageKey key, SiblingSet incoming) {
        Objects.requireNonNull(incoming, "incoming");
        return update(key, stored -> SiblingSets.merge(stored, incoming));
    }

    /**
     * Replaces the stored set of {@code key} (or {@link SiblingSet#EMPTY} when absent) with
     * {@code update.apply(stored)}, under the key's lock, and returns the new set once it is durable. A
     * coordinator uses it to add a new version with a fresh dot: under the lock no two writes can pick
     * the same dot. {@code update} must be fast and free of side effects, and must not call back into
     * this store.
     */
    public CompletableFuture<SiblingSet> update(StorageKey key, UnaryOperator<SiblingSet> update) {
        Objects.requireNonNull(update, "update");
        ReentrantLock stripe = stripeOf(key);
        stripe.lock();
        try {
            Optional<byte[]> storedBytes = engine.get(key);
            SiblingSet stored = storedBytes.map(bytes -> decode(key, bytes)).orElse(SiblingSet.EMPTY);
            SiblingSet updated = Objects.requireNonNull(update.apply(stored), "update returned null");
            ByteBuffer pendingKey = ByteBuffer.wrap(key.encode());
            if (updated.equals(stored)) {
                CompletableFuture<Void> pending = pendingWrites.get(pendingKey);
                return pending == null
                        ? CompletableFuture.completedFuture(updated)
                        : pending.thenApply(done -> updated);
            }
            byte[] encoded = SiblingSetCodec.encode(updated);
            CompletableFuture<Void> write = engine.put(key, encoded);
            observer.changed(key, storedBytes.orElse(null), encoded);
            if (!write.isDone()) {
                pendingWrites.put(pendingKey, write);
                write.whenComplete((done, failure) -> pendingWrites.remove(pendingKey, write));
            }
            return write.thenApply(done -> updated);
        } finally {
            stripe.unlock();
        }
    }

    /**
     * Physically removes {@code key} when its stored set satisfies {@code condition}, checked under the
     * key's lock so no write can slip in between the check and the removal (tombstone purge). Completes
     * with {@code true} once the removal is durable, with {@code false} at once when the key is absent or
     * the condition does not hold.
     */
    public CompletableFuture<Boolean> removeIf(StorageKey key, Predicate<SiblingSet> condition) {
        Objects.requireNonNull(condition, "condition");
        ReentrantLock stripe = stripeOf(key);
        stripe.lock();
        try {
            Optional<byte[]> storedBytes = engine.get(key);
            if (storedBytes.isEmpty() || !condition.test(decode(key, storedBytes.get()))) {
                return CompletableFuture.completedFuture(false);
            }
            ByteBuffer pendingKey = ByteBuffer.wrap(key.encode());
            CompletableFuture<Void> removal = engine.remove(key);
            observer.changed(key, storedBytes.get(), null);
            if (!removal.isDone()) {
                pendingWrites.put(pendingKey, removal);
                removal.whenComplete((done, failure) -> pendingWrites.remove(pendingKey, removal));
            }
            return removal.thenApply(done -> true);
        } finally {
            stripe.unlock();
        }
    }

    /** The engine underneath, for scans, streaming and purges. */
    public StorageEngine engine() {
        return engine;
    }

    private SiblingSet decode(StorageKey key, byte[] stored) {
        try {
            return SiblingSetCodec.decode(stored);
        } catch (MalformedCausalDataException e) {
            throw new StorageException(
                    "the stored value of " + key + " (" + stored.length + " bytes) cannot be"
                            + " decoded as a sibling set (" + e.getMessage()
                            + "); it was left untouched. Repair the key from"
                            + " another replica (read repair or anti-entropy) or delete it physically.",
                    e);
        }
    }

    private ReentrantLock stripeOf(StorageKey key) {
        int hash = key.hashCode();
        hash ^= hash >>> 16;
        return stripes[hash & (stripes.length - 1)];
    }
}
