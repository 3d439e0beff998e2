package io.ringkv.client.policy;

/**
 * Decides whether a read that has no answer yet is also sent to the next replica, and when. Reads are
 * idempotent, so asking a second replica costs only load; it cuts the tail latency that one slow node
 * (a garbage-collection pause, a busy disk) would otherwise add. Writes are never sent speculatively.
 *
 * <p>Called on a client thread; must be fast and thread-safe.
 */
@FunctionalInterface
public interface SpeculativeReadPolicy {

    /** Never speculate: the default. */
    SpeculativeReadPolicy NONE = requestsSent -> -1;

    /**
     * @param requestsSent how many replicas the read was sent to so far (at least 1)
     * @return how long after the latest send to send the read to one more replica, in nanoseconds, or a
     *     negative value to send no more
     */
    long nextDelayNanos(int requestsSent);
}
