package io.ringkv.benchmarks.sim;

/**
 * Bytes and counts of one Merkle exchange between two replicas over all partitions, every message sized
 * by the real encoder (see {@link WireSizer}).
 *
 * @param rootBytes root request and reply of every partition: paid even when nothing differs
 * @param descentBytes hash requests and replies below the roots, for differing subtrees only
 * @param leafBytes leaf requests and the peer's key lists under the differing leaves
 * @param hashesReceived tree-node hashes the peer sent
 * @param entriesReceived (key, hash) entries the peer sent
 * @param differingKeys keys found to differ, which then have to be synchronised
 * @param messages messages exchanged
 */
public record MerkleExchangeResult(
        long rootBytes,
        long descentBytes,
        long leafBytes,
        long hashesReceived,
        long entriesReceived,
        long differingKeys,
        long messages) {

    public long totalBytes() {
        return rootBytes + descentBytes + leafBytes;
    }

    /** What crossed the wire because of the divergence, beyond the fixed cost of comparing roots. */
    public long bytesBeyondRoots() {
        return descentBytes + leafBytes;
    }
}
