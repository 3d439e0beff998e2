package io.ringkv.server.hints;

import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSetCodec;
import io.ringkv.causal.SiblingSets;
import io.ringkv.server.storage.StorageException;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.mapdb.MapDbStores;
import io.ringkv.time.Clock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.mapdb.DB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hints a stand-in holds for other nodes, kept durably in their own file, {@value #FILE_NAME}, apart
 * from the data store: a MapDB file with transactions (its write-ahead log) on, opened and checked like
 * the data store (see {@link MapDbStores}), so a corrupt or foreign file is refused at open, never wiped.
 *
 * <p><b>One hint per owner and key.</b> An {@link #add} for an owner and key that already has a hint
 * merges into it ({@link SiblingSets#merge}); the hint keeps its id and creation time. So a hot key
 * written while its replica is down takes one hint whose size follows the key's, not one per write.
 *
 * <p><b>Durability.</b> Every change (add, remove, expire) goes through one writer thread that applies
 * all queued changes and commits once (group commit); an add's stage completes only after that commit.
 * Readers ({@link #oldest}) run concurrently and may see a change that is applied but not yet committed.
 *
 * <p><b>Bounds.</b> The sum of {@link Hint#bytes()} never exceeds {@link HintConfig#maxTotalBytes()}: an
 * add that would exceed it fails with {@link HintStoreFullException}, a merge that does not grow the
 * hint is always accepted. {@link #expire()} drops hints older than {@link HintConfig#maxAgeMillis()}.
 *
 * <p><b>Threading.</b> Thread-safe. {@link #add} and the {@code *Async} methods queue their change and
 * return (they block only while 4,000 changes already wait); {@link #remove} and {@link #expire} wait
 * for the commit; {@link #oldest} reads the file. None of them may run on a Netty event loop. Stages
 * complete on the store's acknowledgement thread, where the blocking methods are refused (they would
 * wait for that very thread). Do not interrupt callers while they use the store (see {@link MapDbStores}).
 *
 * <p><b>Lifecycle.</b> {@link #open}; {@link #close()} waits until every queued change is committed and
 * its stage completed. Calls after {@code close()} fail with {@link StorageException}.
 */
public final class HintStore implements AutoCloseable {

    /** The hint file inside the directory given to {@link #open}. */
    public static final String FILE_NAME = "hints.mapdb";

    /** The store kind written into the file's header. */
    public static final String KIND = "hints";

    /** The most changes one commit covers. */
    static final int MAX_COMMIT_BATCH = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(HintStore.class);

    private final Path file;
    private final DB db;
    private final HintTrees trees;
    private final HintConfig config;
    /** Read lock for every access to {@code db}; write lock to close it, so nobody touches a closed DB. */
    private final ReentrantReadWriteLock dbLifecycle = new ReentrantReadWriteLock();
    /** The totals as of the last commit; never changed once published. */
    private volatile HintTotals published;

    private final HintWriter writer;
    private volatile boolean closed;

    private HintStore(Path file, DB db, HintTrees trees, HintConfig config) {
        this.file = file;
        this.db = db;
        this.trees = trees;
        this.config = config;
        this.published = trees.totals();
        this.writer = new HintWriter("hint store " + file, MAX_COMMIT_BATCH, this::applyDurably);
    }

    /**
     * Opens (or creates) the hint store {@value #FILE_NAME} in {@code directory}.
     *
     * @throws StorageException when the file is foreign, corrupt, of a newer format, or in use; the
     *     message names the file and what to do
     */
    public static HintStore open(Path directory, HintConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Path file = directory.resolve(FILE_NAME);
        DB db = MapDbStores.openOrCreate(file, KIND, HintTrees::create);
        HintTrees trees;
        try {
            trees = MapDbStores.withoutPendingInterrupt(() -> HintTrees.open(db, file, config, clock));
        } catch (RuntimeException e) {
            // Boundary: a header without readable trees means the file was damaged or written by something else.
            db.close();
            throw new StorageException(
                    file + " has a RingKV header but unreadable hints (" + e + "): the file is corrupt. Restore it"
                            + " from a backup, or move it away to start without hints; read repair and"
                            + " anti-entropy then bring the writes it held to their owners.",
                    e);
        }
        HintTotals totals = trees.totals();
        LOG.info(
                "Opened hint store {} ({} hints, {} bytes, for {} owners)",
                file,
                totals.count(),
                totals.bytes(),
                totals.owners().size());
        return new HintStore(file, db, trees, config);
    }

    /**
     * Stores {@code set} as a hint for {@code intendedOwner}, merged into the owner's existing hint for
     * {@code key} if there is one. The stage completes once the hint is durable; exceptionally with
     * {@link HintStoreFullException} (nothing stored) when it would exceed
     * {@link HintConfig#maxTotalBytes()}, or with {@link StorageException}.
     *
     * @throws IllegalArgumentException when {@code intendedOwner} is empty or longer than 65,535 UTF-8 bytes
     */
    public CompletionStage<Void> add(String intendedOwner, StorageKey key, SiblingSet set) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(set, "set");
        byte[] ownerPrefix = HintCodec.ownerPrefix(Objects.requireNonNull(intendedOwner, "intendedOwner"));
        return writer.submit(() -> {
            trees.add(intendedOwner, ownerPrefix, key, set);
            return null;
        });
    }

    /**
     * Up to {@code limit} hints for {@code owner}, oldest (lowest id) first. May include a hint whose
     * add is applied but not yet durable.
     */
    public List<Hint> oldest(String owner, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        byte[] ownerPrefix = HintCodec.ownerPrefix(Objects.requireNonNull(owner, "owner"));
        return read(() -> trees.oldest(owner, ownerPrefix, limit), "read the hints for " + owner);
    }

    /**
     * Deletes {@code hint} if the store still holds exactly it: same id and same sibling set. If an add
     * merged something new into it since it was read, it is kept (that part was not delivered) and the
     * result is false; also false when it is gone already. Returns once the removal is durable.
     *
     * @throws StorageException when the removal could not be committed
     * @throws IllegalStateException when called on the store's acknowledgement thread; use
     *     {@link #removeAsync}
     */
    public boolean remove(Hint hint) {
        return await(removeAsync(hint), "remove");
    }

    /** {@link #remove} without waiting: the stage completes with its result once the removal is durable. */
    public CompletionStage<Boolean> removeAsync(Hint hint) {
        Objects.requireNonNull(hint, "hint");
        byte[] ownerPrefix = HintCodec.ownerPrefix(hint.intendedOwner());
        byte[] deliveredSet = SiblingSetCodec.encode(hint.set());
        return writer.submit(() -> trees.remove(hint, ownerPrefix, deliveredSet));
    }

    /**
     * Drops every hint older than {@link HintConfig#maxAgeMillis()} by the store's clock and returns how
     * many. Each owner's hints are checked oldest first up to the first that is young enough, so a hint
     * created while the wall clock was set back may be dropped a little late. Logged at WARN per owner:
     * what an expired hint carried now reaches its owner only through read repair or anti-entropy.
     *
     * @throws IllegalStateException when called on the store's acknowledgement thread; use
     *     {@link #expireAsync}
     */
    public int expire() {
        return await(expireAsync(), "expire");
    }

    /** {@link #expire} without waiting: the stage completes with the number dropped once that is durable. */
    public CompletionStage<Integer> expireAsync() {
        return writer.submit(trees::expire).thenApply(this::logExpired);
    }

    /** The owners this store holds at least one hint for (as of the last commit). */
    public Set<String> owners() {
        return published.owners();
    }

    /** Hints held for all owners (as of the last commit). */
    public long pendingCount() {
        return published.count();
    }

    /** The sum of {@link Hint#bytes()} over all hints (as of the last commit). */
    public long pendingBytes() {
        return published.bytes();
    }

    /** Hints held for {@code owner} (as of the last commit). */
    public long pendingCount(String owner) {
        return published.count(owner);
    }

    /** Commits every queued change, completes its stage, and closes the file. */
    @Override
    public void close() {
        writer.close();
        dbLifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            db.close();
        } finally {
            dbLifecycle.writeLock().unlock();
        }
        LOG.info("Closed hint store {} ({} hints pending)", file, published.count());
    }

    /** The writer's {@link HintWriter.BatchSink}: applies the batch, commits once, then publishes the totals. */
    private void applyDurably(List<QueuedChange<?>> batch) {
        dbLifecycle.readLock().lock();
        try {
            ensureOpen();
            HintTotals before = trees.totals();
            MapDbStores.withoutPendingInterrupt(() -> {
                try {
                    for (QueuedChange<?> change : batch) {
                        change.apply();
                    }
                    db.commit();
                } catch (RuntimeException failure) {
                    // Boundary: any MapDB failure fails the batch; roll back so none of it is committed later.
                    trees.restore(before);
                    throw new StorageException(rollBack(failure), failure);
                }
                return null;
            });
            published = trees.totals();
        } finally {
            dbLifecycle.readLock().unlock();
        }
    }

    /** Logs once the expiry is durable, so the log never reports a drop that was rolled back. */
    private int logExpired(Map<String, Integer> expiredByOwner) {
        int total = 0;
        for (Map.Entry<String, Integer> expired : expiredByOwner.entrySet()) {
            LOG.warn(
                    "Dropped {} hints for {} older than {} ms; the writes they held reach {} only through read"
                            + " repair or anti-entropy now",
                    expired.getValue(),
                    expired.getKey(),
                    config.maxAgeMillis(),
                    expired.getKey());
            total += expired.getValue();
        }
        return total;
    }

    private String rollBack(RuntimeException failure) {
        String message = "cannot write a batch of hint changes to " + file + ": " + failure;
        try {
            db.rollback();
            return message + " (batch rolled back)";
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
            return message + "; the rollback failed too (" + rollbackFailure
                    + "): restart the node so that MapDB recovers the hints from its log";
        }
    }

    private <T> T read(Supplier<T> action, String what) {
        dbLifecycle.readLock().lock();
        try {
            ensureOpen();
            return MapDbStores.withoutPendingInterrupt(action);
        } catch (RuntimeException e) {
            if (e instanceof StorageException storageFailure) {
                throw storageFailure;
            }
            // Boundary: MapDB signals unreadable records with assorted unchecked exceptions.
            throw new StorageException("cannot " + what + " in " + file + ": " + e, e);
        } finally {
            dbLifecycle.readLock().unlock();
        }
    }

    private <T> T await(CompletionStage<T> stage, String what) {
        if (writer.isAcknowledgerThread()) {
            throw new IllegalStateException("a blocking " + what + " of the hint store was called from a stage of"
                    + " another change; it would wait for its own thread. Use the *Async variant.");
        }
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException("hint store " + file + " is closed");
        }
    }
}
