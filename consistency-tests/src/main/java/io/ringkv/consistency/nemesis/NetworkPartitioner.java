package io.ringkv.consistency.nemesis;

/**
 * Cuts and heals links between nodes (Jepsen's {@code Net}). Traffic on a cut link is dropped silently,
 * as a real partition does: senders see timeouts, not refused connections.
 */
public interface NetworkPartitioner extends AutoCloseable {

    /** {@code nftables} or {@code link-filter}, for reports. */
    String mechanism();

    /** Replaces whatever partition is in place with {@code grudge}. */
    void partition(Grudge grudge);

    /** Restores every link. */
    void heal();

    /** Heals and removes everything the partitioner installed; idempotent, never throws. */
    @Override
    void close();
}
