package io.ringkv.benchmarks.micro;

import io.ringkv.causal.ActorId;
import io.ringkv.causal.VersionVector;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The seeded inputs the micro-benchmarks share: value and key sizes, the node identities that issue
 * versions, and a client context of realistic size. Fixed seeds make every run measure the same bytes.
 */
final class SampleData {

    /** The value size the targets are stated for. */
    static final int VALUE_BYTES = 1024;

    /** A typical short key (a UUID's worth of bytes). */
    static final int KEY_BYTES = 16;

    /**
     * An incarnation as a node gets it at start-up (wall-clock millis, late 2025); its varint takes 6
     * bytes, like a real one.
     */
    static final long INCARNATION = 1_764_000_000_000L;

    /** The coordinator wall clock written into versions; causality ignores it. */
    static final long WALL_CLOCK_MILLIS = 1_764_000_123_456L;

    static final ActorId NODE_A = new ActorId("node-00001", INCARNATION);
    static final ActorId NODE_B = new ActorId("node-00002", INCARNATION);
    static final ActorId NODE_C = new ActorId("node-00003", INCARNATION);

    private SampleData() {}

    /** {@code length} pseudo-random bytes from {@code seed}: incompressible, like most user values. */
    static byte[] randomBytes(long seed, int length) {
        byte[] bytes = new byte[length];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * A context as a client holds it after a few hundred writes coordinated by two nodes. Encoded with
     * {@link io.ringkv.causal.SiblingSetCodec#encodeContext} it takes exactly 40 bytes: a format byte,
     * an actor count and two entries of 19 bytes (10-byte node id, 6-byte incarnation, 2-byte counter).
     */
    static VersionVector clientContext() {
        return VersionVector.of(Map.of(NODE_A, 1_000L, NODE_B, 998L));
    }
}
