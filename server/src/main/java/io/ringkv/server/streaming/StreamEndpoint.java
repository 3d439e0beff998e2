package io.ringkv.server.streaming;

import io.ringkv.causal.SiblingSetCodec;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.ReplicaWriteReply;
import io.ringkv.protocol.message.StreamChunk;
import io.ringkv.protocol.message.StreamEntry;
import io.ringkv.protocol.message.StreamRequest;
import io.ringkv.server.linearizable.RegisterStore;
import io.ringkv.server.storage.CloseableIterator;
import io.ringkv.server.storage.ReplicaStore;
import io.ringkv.server.storage.StorageEngine;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.StoredEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * This node's end of partition streams: reads chunks of its own storage ({@code StreamRequest} from a
 * peer, or a local read by the driver) and merges chunks into it ({@code StreamChunk} pushed by a driver,
 * or a local delivery). Merging sibling sets goes through {@link ReplicaStore#apply}, so a streamed version
 * and a concurrent client write of the same key are both kept, whatever their order. A stream of
 * LINEARIZABLE registers ({@code registers} set) reads and merges the {@link RegisterStore} instead, where
 * the higher tag wins.
 *
 * <p>A chunk's {@code lastKey} is the encoded {@link StorageKey} of its last entry, the same on every
 * replica, so a stream resumes after it on any source. Blocking storage work runs on the storage executor.
 */
public final class StreamEndpoint {

    private final ReplicaStore store;
    private final RegisterStore registers;
    private final Executor storageExecutor;
    private final StreamingCounters counters;

    public StreamEndpoint(
            ReplicaStore store, RegisterStore registers, Executor storageExecutor, StreamingCounters counters) {
        this.store = Objects.requireNonNull(store, "store");
        this.registers = Objects.requireNonNull(registers, "registers");
        this.storageExecutor = Objects.requireNonNull(storageExecutor, "storageExecutor");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /** Answers a peer's {@code StreamRequest} with the next chunk. */
    public CompletionStage<Message> serve(StreamRequest request) {
        return CompletableFuture.supplyAsync(() -> read(request), storageExecutor);
    }

    /** Merges a chunk a driver pushed; the reply is an empty {@code ReplicaWriteReply} once it is durable. */
    public CompletionStage<Message> accept(StreamChunk chunk) {
        return CompletableFuture.supplyAsync(() -> apply(chunk), storageExecutor)
                .thenCompose(Function.identity())
                .thenApply(done -> new ReplicaWriteReply(new byte[0]));
    }

    /**
     * Reads up to about {@code request.maxBytes()} of the partition after {@code request.resumeAfterKey()}
     * (at least one entry when any is left). Blocks on storage.
     *
     * @throws IllegalArgumentException when the resume key is not a key of the partition
     */
    public StreamChunk read(StreamRequest request) {
        int partition = request.partition();
        byte[] after = request.resumeAfterKey();
        List<StreamEntry> entries = new ArrayList<>();
        long bytes = 0;
        byte[] lastKey = after;
        boolean done;
        StorageEngine engine = request.registers() ? registers.engine() : store.engine();
        try (CloseableIterator<StoredEntry> scan =
                after.length == 0 ? engine.scanPartition(partition) : engine.scanPartitionFrom(partition, after)) {
            while (scan.hasNext() && (entries.isEmpty() || bytes < request.maxBytes())) {
                StoredEntry entry = scan.next();
                StorageKey key = entry.key();
                entries.add(new StreamEntry(key.key(), key.token(), entry.value()));
                bytes += entryBytes(key.key(), entry.value());
                lastKey = key.encode();
            }
            done = !scan.hasNext();
        }
        counters.streamedOut(entries.size(), bytes);
        return new StreamChunk(partition, entries, lastKey, done, request.registers());
    }

    /** Merges every entry of {@code chunk} into this node's store; completes when all are durable. */
    public CompletableFuture<Void> apply(StreamChunk chunk) {
        List<CompletableFuture<?>> writes = new ArrayList<>(chunk.entries().size());
        long bytes = 0;
        for (StreamEntry entry : chunk.entries()) {
            StorageKey key = new StorageKey(chunk.partition(), entry.token(), entry.key());
            writes.add(merge(key, entry.value(), chunk.registers()));
            bytes += entryBytes(entry.key(), entry.value());
        }
        long keys = chunk.entries().size();
        long total = bytes;
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                .thenRun(() -> counters.streamedIn(keys, total));
    }

    /**
     * Merges one streamed value; a value that does not decode fails the returned stage (and so the chunk)
     * rather than the caller's thread, and stores nothing.
     */
    private CompletableFuture<?> merge(StorageKey key, byte[] value, boolean register) {
        try {
            return register ? registers.mergeEncoded(key, value) : store.apply(key, SiblingSetCodec.decode(value));
        } catch (RuntimeException malformed) {
            return CompletableFuture.failedFuture(malformed);
        }
    }

    /** The bytes one entry counts for in budgets and figures: its key and its stored value. */
    public static long entryBytes(byte[] key, byte[] value) {
        return (long) key.length + value.length;
    }

    /** The bytes of a chunk's entries. */
    public static long chunkBytes(StreamChunk chunk) {
        long bytes = 0;
        for (StreamEntry entry : chunk.entries()) {
            bytes += entryBytes(entry.key(), entry.value());
        }
        return bytes;
    }
}
