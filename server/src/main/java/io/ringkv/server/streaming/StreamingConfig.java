package io.ringkv.server.streaming;

/**
 * Settings of partition streaming.
 *
 * @param budgetBytesPerSecond the most bytes per second this node moves for transitions it drives
 * @param chunkBytes approximate size of one chunk (one request/reply); a chunk holds at least one key
 * @param settleMillis how long the driver waits after a transition is proposed before it streams, so
 *     that every coordinator has learned the pending owners and writes to them too
 * @param retryDelayMillis pause before trying the sources of a partition again when all of them failed
 * @param requestTimeoutMillis timeout of one chunk request or delivery
 * @param parallelCopies partition copies in flight at once (each a chain of chunk round trips), so that
 *     many small or empty partitions do not cost one round trip after another
 */
public record StreamingConfig(
        long budgetBytesPerSecond,
        int chunkBytes,
        long settleMillis,
        long retryDelayMillis,
        long requestTimeoutMillis,
        int parallelCopies) {

    /** Copies in flight at once unless configured otherwise. */
    public static final int DEFAULT_PARALLEL_COPIES = 8;

    /** 20 MB/s. */
    public static final long DEFAULT_BUDGET_BYTES_PER_SECOND = 20L * 1024 * 1024;

    /** 1 MiB. */
    public static final int DEFAULT_CHUNK_BYTES = 1 << 20;

    public StreamingConfig {
        if (budgetBytesPerSecond < 1024) {
            throw new IllegalArgumentException(
                    "streaming budget must be at least 1024 bytes per second, was " + budgetBytesPerSecond);
        }
        if (chunkBytes < 1024 || chunkBytes > 8 << 20) {
            throw new IllegalArgumentException("chunk size must be 1 KiB..8 MiB, was " + chunkBytes);
        }
        if (parallelCopies < 1 || parallelCopies > 64) {
            throw new IllegalArgumentException("parallel copies must be 1..64, was " + parallelCopies);
        }
        if (settleMillis < 0 || retryDelayMillis < 1 || requestTimeoutMillis < 1) {
            throw new IllegalArgumentException("settle >= 0, retry delay and request timeout >= 1 millisecond");
        }
    }
}
