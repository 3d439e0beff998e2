package io.ringkv.server.antientropy;

/**
 * What one anti-entropy session between this node and a co-replica did for one partition.
 *
 * @param partition the partition compared
 * @param peerNodeId the co-replica
 * @param startedAtMillis wall-clock time the session started; every write both replicas held before it
 *     is on both after a successful session
 * @param hashesReceived tree-node hashes the peer sent (about {@code 2k × log2(leaves)} for k differing keys)
 * @param keyHashesReceived key hashes the peer sent for the differing leaves
 * @param differingLeaves leaves whose hashes differed
 * @param keysRepaired keys that differed (or were missing on one side) and were merged both ways
 * @param keysReceived keys whose local set changed by merging the peer's
 * @param keysSent keys whose merged set was written to the peer
 * @param bytesExchanged approximate bytes of requests and replies, as charged to the I/O budget
 */
public record ExchangeResult(
        int partition,
        String peerNodeId,
        long startedAtMillis,
        long hashesReceived,
        long keyHashesReceived,
        long differingLeaves,
        long keysRepaired,
        long keysReceived,
        long keysSent,
        long bytesExchanged) {

    /** Whether the two replicas already held identical data (only the roots were compared). */
    public boolean inSync() {
        return keysRepaired == 0 && differingLeaves == 0;
    }
}
