package io.ringkv.client;

import io.ringkv.client.error.BadRequestException;
import io.ringkv.client.error.ClientClosedException;
import io.ringkv.client.error.KeyTooLargeException;
import io.ringkv.client.error.RingKvException;
import io.ringkv.client.error.ValueTooLargeException;
import io.ringkv.client.internal.ClientCore;
import io.ringkv.client.internal.request.DeleteOperation;
import io.ringkv.client.internal.request.GetOperation;
import io.ringkv.client.internal.request.PutOperation;
import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.ring.RingSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * A client of a RingKV cluster: token-aware, asynchronous, thread-safe. Create one per application
 * with {@link #builder()} and share it; it holds a few connections to every node and a background
 * view of the ring. Close it when the application stops.
 *
 * <h2>Operations</h2>
 * {@link #get}, {@link #put} and {@link #delete} return a {@link CompletionStage} that completes with
 * the result or fails with a {@link RingKvException} subclass (never any other exception type for a
 * failure of the operation itself). They never throw for such failures; they throw only for programming
 * errors such as a null argument. {@link #blocking()} offers the same operations as blocking calls.
 *
 * <h2>Routing</h2>
 * The client computes each key's preference list from its ring snapshot with the same code the nodes
 * use, and sends the request straight to a replica, so no node has to forward it. When that node cannot
 * take it, the request moves on to the next replica: always for reads, and for writes only when the
 * failure is definite (otherwise the write could be applied twice; see
 * {@link RingKvException#definitelyNotApplied()}).
 *
 * <h2>Threads</h2>
 * Stages complete on the client's I/O threads, so callbacks attached to them run there: keep them short
 * and non-blocking, or attach them with an {@code *Async} method and your own executor. Calling the
 * blocking API from such a callback is refused with an {@link IllegalStateException}: it would wait for
 * a reply that only the blocked thread could deliver.
 *
 * <h2>Siblings</h2>
 * Concurrent writes to a key are all kept as siblings. Read them, merge them, and write the merged value
 * back with the read's context; {@link #getResolved} and {@link #update} do this with a
 * {@link SiblingResolver}.
 */
public final class RingKvClient implements AutoCloseable {

    private final ClientCore core;
    private final ProtocolLimits limits;
    private final UpdateLoop updates;
    private final BlockingRingKvClient blocking;
    private volatile boolean closed;

    RingKvClient(ClientCore core) {
        this.core = core;
        this.limits = core.config().limits();
        this.updates = new UpdateLoop(
                this,
                core.scheduler(),
                core.config().updateAttempts(),
                core.config().randomSeed());
        this.blocking = new BlockingRingKvClient(this);
    }

    /** Starts configuring a client. */
    public static RingKvClientBuilder builder() {
        return new RingKvClientBuilder();
    }

    /** The same operations as blocking calls. */
    public BlockingRingKvClient blocking() {
        return blocking;
    }

    // ---- get ----

    /** Reads a key with the default options. */
    public CompletionStage<GetResult> get(byte[] key) {
        return get(key, ReadOptions.DEFAULT);
    }

    /** Reads a key. */
    public CompletionStage<GetResult> get(byte[] key, ReadOptions options) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(options, "options");
        RingKvException invalid = checkKey(key);
        if (invalid != null) {
            return CompletableFuture.failedFuture(invalid);
        }
        return core.runner().execute(new GetOperation(key, options), options.timeout());
    }

    /** Reads a key given as UTF-8 text. */
    public CompletionStage<GetResult> get(String key) {
        return get(utf8(key), ReadOptions.DEFAULT);
    }

    /** Reads a key given as UTF-8 text. */
    public CompletionStage<GetResult> get(String key, ReadOptions options) {
        return get(utf8(key), options);
    }

    // ---- put ----

    /**
     * Writes a value with the default options.
     *
     * @param context the context of the read this write is based on, or {@link CausalContext#NONE} for
     *     a blind write (which becomes a sibling of whatever is stored)
     */
    public CompletionStage<PutResult> put(byte[] key, byte[] value, CausalContext context) {
        return put(key, value, context, WriteOptions.DEFAULT);
    }

    /**
     * Writes a value.
     *
     * @param context the context of the read this write is based on, or {@link CausalContext#NONE} for
     *     a blind write (which becomes a sibling of whatever is stored)
     */
    public CompletionStage<PutResult> put(byte[] key, byte[] value, CausalContext context, WriteOptions options) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(options, "options");
        RingKvException invalid = checkKey(key);
        if (invalid == null && value.length > limits.maxValueBytes()) {
            invalid = new ValueTooLargeException(
                    "value of " + value.length + " bytes exceeds the limit of " + limits.maxValueBytes(), true, null);
        }
        if (invalid != null) {
            return CompletableFuture.failedFuture(invalid);
        }
        return core.runner().execute(new PutOperation(key, value, context, options), options.timeout());
    }

    /** Writes a UTF-8 text value under a UTF-8 text key with the default options. */
    public CompletionStage<PutResult> put(String key, String value, CausalContext context) {
        return put(utf8(key), utf8(value), context, WriteOptions.DEFAULT);
    }

    /** Writes a UTF-8 text value under a UTF-8 text key. */
    public CompletionStage<PutResult> put(String key, String value, CausalContext context, WriteOptions options) {
        return put(utf8(key), utf8(value), context, options);
    }

    // ---- delete ----

    /** Deletes a key with the default options; see {@link #delete(byte[], CausalContext, WriteOptions)}. */
    public CompletionStage<DeleteResult> delete(byte[] key, CausalContext context) {
        return delete(key, context, WriteOptions.DEFAULT);
    }

    /**
     * Deletes a key by writing a tombstone that supersedes what {@code context} covers. A value written
     * concurrently (not covered by the context) survives as a sibling; with {@link CausalContext#NONE}
     * the tombstone supersedes nothing, so read first and pass the read's context.
     */
    public CompletionStage<DeleteResult> delete(byte[] key, CausalContext context, WriteOptions options) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(options, "options");
        RingKvException invalid = checkKey(key);
        if (invalid != null) {
            return CompletableFuture.failedFuture(invalid);
        }
        return core.runner().execute(new DeleteOperation(key, context, options), options.timeout());
    }

    /** Deletes a UTF-8 text key with the default options. */
    public CompletionStage<DeleteResult> delete(String key, CausalContext context) {
        return delete(utf8(key), context, WriteOptions.DEFAULT);
    }

    /** Deletes a UTF-8 text key. */
    public CompletionStage<DeleteResult> delete(String key, CausalContext context, WriteOptions options) {
        return delete(utf8(key), context, options);
    }

    // ---- sibling resolution ----

    /** Reads a key and merges its siblings with {@code resolver}; see {@link Resolved}. */
    public <T> CompletionStage<Resolved<T>> getResolved(byte[] key, SiblingResolver<T> resolver) {
        return getResolved(key, resolver, ReadOptions.DEFAULT);
    }

    /** Reads a key and merges its siblings with {@code resolver}; see {@link Resolved}. */
    public <T> CompletionStage<Resolved<T>> getResolved(byte[] key, SiblingResolver<T> resolver, ReadOptions options) {
        Objects.requireNonNull(resolver, "resolver");
        return get(key, options).thenApply(read -> resolve(read, resolver));
    }

    /** {@link #getResolved(byte[], SiblingResolver)} for a UTF-8 text key. */
    public <T> CompletionStage<Resolved<T>> getResolved(String key, SiblingResolver<T> resolver) {
        return getResolved(utf8(key), resolver, ReadOptions.DEFAULT);
    }

    static <T> Resolved<T> resolve(GetResult read, SiblingResolver<T> resolver) {
        if (!read.found()) {
            return new Resolved<>(false, null, 0, read.context(), read.coordinator());
        }
        T merged = Objects.requireNonNull(resolver.resolve(read.siblings()), "the resolver returned null");
        return new Resolved<>(true, merged, read.siblings().size(), read.context(), read.coordinator());
    }

    /**
     * Read-modify-write of one key: reads it, merges its siblings with {@code resolver}, applies
     * {@code change} to the merged value and writes the result back with the read's context, which
     * supersedes every sibling that was read.
     *
     * <p>When the write fails definitely with a transient error (unavailable, overloaded, timed out or
     * unreachable, with {@link RingKvException#definitelyNotApplied()} true) the whole round is retried
     * after a short jittered backoff, up to the client's {@code updateAttempts}; the fresh read picks up
     * whatever changed meanwhile. A write with an unknown outcome is not retried: the stage fails with
     * that exception. Writes concurrent with this update are not lost either: they come back as siblings
     * for the next resolution.
     *
     * @param change receives the merged value, or {@code null} when the key has no value; must return
     *     the new value (not null) and must be free of side effects, since it may run more than once
     * @param options write options; the read uses the same consistency and timeout
     */
    public CompletionStage<PutResult> update(
            byte[] key, SiblingResolver<byte[]> resolver, UnaryOperator<byte[]> change, WriteOptions options) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(options, "options");
        return updates.run(key, resolver, change, options);
    }

    /** {@link #update(byte[], SiblingResolver, UnaryOperator, WriteOptions)} with default options. */
    public CompletionStage<PutResult> update(
            byte[] key, SiblingResolver<byte[]> resolver, UnaryOperator<byte[]> change) {
        return update(key, resolver, change, WriteOptions.DEFAULT);
    }

    /** {@link #update(byte[], SiblingResolver, UnaryOperator, WriteOptions)} for a UTF-8 text key. */
    public CompletionStage<PutResult> update(
            String key, SiblingResolver<byte[]> resolver, UnaryOperator<byte[]> change, WriteOptions options) {
        return update(utf8(key), resolver, change, options);
    }

    // ---- ring ----

    /** The version of the ring snapshot the client routes by. */
    public long ringVersion() {
        return core.topology().current().version();
    }

    /** The key's replicas in the client's current ring view, first coordinator first. */
    public List<String> replicasOf(byte[] key) {
        RingSnapshot snapshot = core.topology().current();
        return List.copyOf(snapshot.preferenceListForKey(key));
    }

    /**
     * Closes the client: operations still running fail with a {@link ClientClosedException} (whose
     * {@code definitelyNotApplied()} is false for a write that was already sent), connections close and
     * the client's threads stop. Operations started afterwards fail the same way. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        core.close();
    }

    boolean isClosed() {
        return closed;
    }

    ClientCore core() {
        return core;
    }

    private RingKvException checkKey(byte[] key) {
        if (key.length > limits.maxKeyBytes()) {
            return new KeyTooLargeException(
                    "key of " + key.length + " bytes exceeds the limit of " + limits.maxKeyBytes(), true, null);
        }
        if (key.length == 0) {
            return new BadRequestException(
                    "the key must not be empty", true, io.ringkv.protocol.ErrorCode.BAD_REQUEST, null);
        }
        return null;
    }

    private static byte[] utf8(String text) {
        return Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8);
    }
}
