package io.ringkv.protocol;

/**
 * Identity of the wire format. Every envelope carries {@link #FILE_IDENTIFIER} at bytes 4–7 of its
 * FlatBuffers payload, so a peer speaking another major version is recognised before anything else is
 * read. Compatible changes (new fields at the end of a table, new union members, new enum values) keep
 * the identifier; an incompatible change would bump it to {@code "RKV2"}.
 */
public final class ProtocolVersion {

    /** The major version this code speaks. */
    public static final int MAJOR = 1;

    /** FlatBuffers file identifier of every envelope, as declared in {@code ringkv.fbs}. */
    public static final String FILE_IDENTIFIER = "RKV1";

    /** Common prefix of every RingKV file identifier; a different suffix means another major version. */
    public static final String FILE_IDENTIFIER_PREFIX = "RKV";

    /** Size of the big-endian length field in front of every frame. */
    public static final int LENGTH_FIELD_BYTES = 4;

    private ProtocolVersion() {}
}
