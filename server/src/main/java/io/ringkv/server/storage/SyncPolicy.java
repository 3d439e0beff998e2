package io.ringkv.server.storage;

import java.util.Objects;

/**
 * When a write becomes durable, and so when its future completes. Under both policies a future
 * completes only after the fsync that covers the write, so neither loses an acknowledged write on a
 * crash or power failure; they differ in throughput and latency.
 *
 * <ul>
 *   <li>{@link Kind#PER_WRITE}: the calling thread writes and fsyncs each write before {@code put}
 *       returns. Simple and with the least latency at low load, but one fsync per write caps
 *       throughput (RocksDB may still merge the fsyncs of concurrent callers).
 *   <li>{@link Kind#GROUP_COMMIT}: callers enqueue; one writer thread takes a batch (it waits at most
 *       {@code groupCommitIntervalMillis} after the batch's first write for companions, and takes at most
 *       {@code maxBatchSize} writes), writes it, fsyncs <em>once</em>, then completes every future of the
 *       batch. Adds up to the interval to each write's latency, but shares one fsync among many writes.
 * </ul>
 *
 * @param groupCommitIntervalMillis under GROUP_COMMIT, the longest a batch waits for more writes after
 *     its first one (0 = take only what is already queued); 0 under PER_WRITE
 * @param maxBatchSize under GROUP_COMMIT, the most writes one fsync covers; 1 under PER_WRITE
 */
public record SyncPolicy(Kind kind, int groupCommitIntervalMillis, int maxBatchSize) {

    public static final int DEFAULT_GROUP_COMMIT_INTERVAL_MILLIS = 2;
    public static final int DEFAULT_MAX_BATCH_SIZE = 1_000;
    public static final int MAX_GROUP_COMMIT_INTERVAL_MILLIS = 1_000;
    public static final int MAX_BATCH_SIZE_LIMIT = 100_000;

    /** The two policies. */
    public enum Kind {
        PER_WRITE,
        GROUP_COMMIT
    }

    public SyncPolicy {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.PER_WRITE) {
            if (groupCommitIntervalMillis != 0 || maxBatchSize != 1) {
                throw new IllegalArgumentException("a PER_WRITE sync policy has no batching: use SyncPolicy.perWrite()"
                        + " (groupCommitIntervalMillis 0 and maxBatchSize 1), was " + groupCommitIntervalMillis
                        + " and " + maxBatchSize);
            }
        } else {
            if (groupCommitIntervalMillis < 0 || groupCommitIntervalMillis > MAX_GROUP_COMMIT_INTERVAL_MILLIS) {
                throw new IllegalArgumentException("storage group-commit interval must be 0.."
                        + MAX_GROUP_COMMIT_INTERVAL_MILLIS + " ms, was " + groupCommitIntervalMillis);
            }
            if (maxBatchSize < 1 || maxBatchSize > MAX_BATCH_SIZE_LIMIT) {
                throw new IllegalArgumentException("storage group-commit max batch size must be 1.."
                        + MAX_BATCH_SIZE_LIMIT + ", was " + maxBatchSize);
            }
        }
    }

    /** One fsync per write, in the calling thread. */
    public static SyncPolicy perWrite() {
        return new SyncPolicy(Kind.PER_WRITE, 0, 1);
    }

    /** Group commit with the defaults: 2 ms interval, at most 1,000 writes per fsync. */
    public static SyncPolicy groupCommit() {
        return groupCommit(DEFAULT_GROUP_COMMIT_INTERVAL_MILLIS, DEFAULT_MAX_BATCH_SIZE);
    }

    public static SyncPolicy groupCommit(int groupCommitIntervalMillis, int maxBatchSize) {
        return new SyncPolicy(Kind.GROUP_COMMIT, groupCommitIntervalMillis, maxBatchSize);
    }

    /**
     * The policy named in configuration spelling ({@code group-commit} or {@code per-write}); the
     * interval applies to group commit only, which gets the default batch size.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is neither
     */
    public static SyncPolicy fromConfigName(String name, int groupCommitIntervalMillis) {
        if ("group-commit".equalsIgnoreCase(name)) {
            return groupCommit(groupCommitIntervalMillis, DEFAULT_MAX_BATCH_SIZE);
        }
        if ("per-write".equalsIgnoreCase(name)) {
            return perWrite();
        }
        throw new IllegalArgumentException("storage sync policy must be group-commit or per-write, was '" + name + "'");
    }
}
