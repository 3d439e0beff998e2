package io.ringkv.server.antientropy;

/**
 * Settings of the anti-entropy service, from the node's {@code anti-entropy.*} and {@code tombstones.*}
 * keys.
 *
 * @param intervalMillis time between the end of one pass over every partition and the start of the
 *     next; 0 turns the schedule off (passes then run only on demand)
 * @param budgetBytesPerSecond the I/O budget all sessions of the node share
 * @param requestTimeoutMillis how long one request to a peer may take
 * @param tombstoneGraceMillis a tombstone is purged only once it is older than this (and its partition
 *     was exchanged with every co-replica after it was written)
 */
public record AntiEntropyConfig(
        long intervalMillis, long budgetBytesPerSecond, long requestTimeoutMillis, long tombstoneGraceMillis) {

    public AntiEntropyConfig {
        if (intervalMillis < 0) {
            throw new IllegalArgumentException("the anti-entropy interval must be >= 0, was " + intervalMillis);
        }
        if (budgetBytesPerSecond < 1) {
            throw new IllegalArgumentException(
                    "the anti-entropy budget must be >= 1 byte/s, was " + budgetBytesPerSecond);
        }
        if (requestTimeoutMillis < 1) {
            throw new IllegalArgumentException("the request timeout must be >= 1 ms, was " + requestTimeoutMillis);
        }
        if (tombstoneGraceMillis < 0) {
            throw new IllegalArgumentException("the tombstone grace must be >= 0, was " + tombstoneGraceMillis);
        }
    }

    /**
     * How often the tombstone purger scans: a tenth of the grace period, but never more often than the
     * exchanges run (a purge needs an exchange newer than the tombstone) and at least once a minute.
     */
    public long purgeIntervalMillis() {
        return Math.max(60_000, Math.max(intervalMillis, tombstoneGraceMillis / 10));
    }
}
