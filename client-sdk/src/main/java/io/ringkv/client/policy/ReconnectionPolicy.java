package io.ringkv.client.policy;

/**
 * How long to wait before trying again to connect to a node after a connection failed or broke.
 * Called on a client thread; must be fast and thread-safe.
 */
@FunctionalInterface
public interface ReconnectionPolicy {

    /**
     * @param attempt 1 for the first retry after a failure, 2 for the next, and so on; reset to 1 once a
     *     connection succeeds
     * @return the delay in nanoseconds, not negative
     */
    long delayNanos(int attempt);
}
