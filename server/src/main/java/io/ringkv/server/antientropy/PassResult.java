package io.ringkv.server.antientropy;

/**
 * The totals of one anti-entropy pass: every partition this node replicates against each co-replica.
 *
 * @param sessions sessions that completed
 * @param failedSessions sessions that failed (the peer refused or did not answer); retried next pass
 * @param skippedPeers co-replica exchanges skipped because the peer was down or had no known address
 * @param hashesReceived tree-node and key hashes received from peers
 * @param keysRepaired keys found out of sync and merged both ways
 * @param keysReceived keys whose local set changed
 * @param keysSent keys written to a peer
 * @param bytesExchanged approximate bytes charged to the I/O budget
 * @param durationMillis how long the pass took
 */
public record PassResult(
        long sessions,
        long failedSessions,
        long skippedPeers,
        long hashesReceived,
        long keysRepaired,
        long keysReceived,
        long keysSent,
        long bytesExchanged,
        long durationMillis) {}
