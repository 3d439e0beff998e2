package io.ringkv.server.membership;

import java.nio.charset.StandardCharsets;

/**
 * The per-endpoint terms of {@link GossipState#viewHash()}. The view hash is the sum (mod 2^64) of one
 * term per known (node, generation, version), so it is independent of order and kept current in O(1) per
 * change by subtracting the old term and adding the new. Each term is a 64-bit FNV-1a hash of the node id's
 * UTF-8 bytes mixed with generation and version by SplitMix64's finaliser, the same on every JVM.
 */
final class ViewHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private ViewHash() {}

    static long of(String nodeId, long generation, long version) {
        long hash = FNV_OFFSET;
        for (byte b : nodeId.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        return mix(mix(hash ^ generation) ^ version);
    }

    /** A 64-bit position on the monitoring ring for a node id (see {@link MonitoringRing}). */
    static long position(String nodeId) {
        return of(nodeId, 0, 0);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
