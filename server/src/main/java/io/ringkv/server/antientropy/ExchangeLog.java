package io.ringkv.server.antientropy;

/**
 * Which anti-entropy exchanges have completed: what the tombstone purger asks before it drops a
 * tombstone, so a replica that missed the delete can no longer bring the key back.
 */
@FunctionalInterface
public interface ExchangeLog {

    /**
     * Whether {@code partition} completed an exchange with every one of its co-replicas that started
     * after {@code wallClockMillis}.
     */
    boolean exchangedWithEveryCoReplicaAfter(int partition, long wallClockMillis);
}
