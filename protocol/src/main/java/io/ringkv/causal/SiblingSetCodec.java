package io.ringkv.causal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The binary format of a {@link SiblingSet} (what the storage engine stores per key and what replicas
 * exchange) and of a {@link VersionVector} (the opaque context token handed to clients).
 *
 * <p>Format version 1, all integers unsigned LEB128 varints unless said otherwise:
 *
 * <pre>
 * siblingSet := 0x01 actorTable versionCount version*
 * context    := 0x01 actorTable
 * actorTable := actorCount (nodeIdLength nodeIdUtf8 incarnation counter)*   -- sorted by ActorId, counters &gt;= 1
 * version    := actorIndex counter flags wallClockMillis[zigzag] (valueLength value)?
 *                                                -- sorted by dot; flags bit 0 = tombstone (then no value)
 * </pre>
 *
 * <p>The actor table is the context itself: every sibling's dot is covered by the context, so each
 * actor a dot refers to already has an entry and is written once. The encoding is canonical (sorted
 * tables, minimal varints, no trailing bytes), so equal sets encode to equal bytes, which anti-entropy
 * relies on when it hashes stored values. The decoder accepts only canonical input, so
 * {@code encode(decode(bytes))} always equals {@code bytes}.
 *
 * <p>Decoding never trusts a count or length: each is checked against the bytes that remain before
 * anything is allocated, and every failure is a {@link MalformedCausalDataException}. The format is
 * pinned by golden-bytes tests; a change needs a new format version and a decoder for the old one.
 *
 * <p>Thread-safe: stateless.
 */
public final class SiblingSetCodec {

    /** The first byte of every encoding produced by this class. */
    public static final byte FORMAT_VERSION = 1;

    private static final int FLAG_TOMBSTONE = 1;

    /** The fewest bytes an actor table entry can take: length, one name byte, incarnation, counter. */
    private static final int MIN_ACTOR_BYTES = 4;

    /** The fewest bytes a version can take: actor index, counter, flags, wall clock. */
    private static final int MIN_VERSION_BYTES = 4;

    private SiblingSetCodec() {}

    public static byte[] encode(SiblingSet set) {
        Map<ActorId, Integer> indexes = new TreeMap<>();
        for (ActorId actor : set.context().entries().keySet()) {
            indexes.put(actor, indexes.size());
        }
        Writer writer = new Writer();
        writer.writeByte(FORMAT_VERSION);
        writeActorTable(writer, set.context());
        writer.writeVarint(set.versions().size());
        for (Version version : set.versions()) {
            writer.writeVarint(indexes.get(version.dot().actor()));
            writer.writeVarint(version.dot().counter());
            writer.writeByte(version.tombstone() ? FLAG_TOMBSTONE : 0);
            writer.writeVarint(zigzag(version.wallClockMillis()));
            if (!version.tombstone()) {
                writer.writeVarint(version.value().length);
                writer.writeBytes(version.value());
            }
        }
        return writer.toByteArray();
    }

    public static SiblingSet decode(byte[] bytes) {
        Reader reader = new Reader(bytes);
        readFormatVersion(reader);
        List<ActorId> actors = new ArrayList<>();
        VersionVector context = readActorTable(reader, actors);
        int versionCount = reader.readCount(MIN_VERSION_BYTES, "version count");
        List<Version> versions = new ArrayList<>(versionCount);
        Dot previous = null;
        for (int i = 0; i < versionCount; i++) {
            long actorIndex = reader.readVarint("actor index");
            if (actorIndex < 0 || actorIndex >= actors.size()) {
                throw new MalformedCausalDataException(
                        "actor index " + actorIndex + " outside a table of " + actors.size());
            }
            long counter = reader.readVarint("dot counter");
            if (counter < 1) {
                throw new MalformedCausalDataException("dot counter must be >= 1, was " + counter);
            }
            Dot dot = new Dot(actors.get((int) actorIndex), counter);
            if (!context.covers(dot)) {
                throw new MalformedCausalDataException("sibling " + dot + " is not covered by its context");
            }
            if (previous != null && previous.compareTo(dot) >= 0) {
                throw new MalformedCausalDataException("siblings are not strictly sorted by dot at " + dot);
            }
            previous = dot;
            int flags = reader.readByte("flags");
            if ((flags & ~FLAG_TOMBSTONE) != 0) {
                throw new MalformedCausalDataException("unknown version flags " + flags);
            }
            long wallClockMillis = unzigzag(reader.readVarint("wall clock"));
            if ((flags & FLAG_TOMBSTONE) != 0) {
                versions.add(Version.tombstone(dot, wallClockMillis));
            } else {
                int length = reader.readCount(1, "value length");
                versions.add(Version.of(dot, reader.readBytes(length), wallClockMillis));
            }
        }
        reader.expectEnd();
        return new SiblingSet(versions, context);
    }

    public static byte[] encodeContext(VersionVector context) {
        Writer writer = new Writer();
        writer.writeByte(FORMAT_VERSION);
        writeActorTable(writer, context);
        return writer.toByteArray();
    }

    public static VersionVector decodeContext(byte[] bytes) {
        Reader reader = new Reader(bytes);
        readFormatVersion(reader);
        VersionVector context = readActorTable(reader, new ArrayList<>());
        reader.expectEnd();
        return context;
    }

    private static void writeActorTable(Writer writer, VersionVector context) {
        writer.writeVarint(context.entries().size());
        for (Map.Entry<ActorId, Long> entry : context.entries().entrySet()) {
            byte[] nodeId = utf8(entry.getKey().nodeId());
            writer.writeVarint(nodeId.length);
            writer.writeBytes(nodeId);
            writer.writeVarint(entry.getKey().incarnation());
            writer.writeVarint(entry.getValue());
        }
    }

    private static VersionVector readActorTable(Reader reader, List<ActorId> actors) {
        int actorCount = reader.readCount(MIN_ACTOR_BYTES, "actor count");
        TreeMap<ActorId, Long> entries = new TreeMap<>();
        ActorId previous = null;
        for (int i = 0; i < actorCount; i++) {
            int nodeIdLength = reader.readCount(1, "node id length");
            if (nodeIdLength == 0) {
                throw new MalformedCausalDataException("empty node id");
            }
            String nodeId = fromUtf8(reader.readBytes(nodeIdLength));
            long incarnation = reader.readVarint("incarnation");
            if (incarnation < 0) {
                throw new MalformedCausalDataException("incarnation out of range: " + incarnation);
            }
            long counter = reader.readVarint("counter");
            if (counter < 1) {
                throw new MalformedCausalDataException("context counter must be >= 1, was " + counter);
            }
            ActorId actor = new ActorId(nodeId, incarnation);
            if (previous != null && previous.compareTo(actor) >= 0) {
                throw new MalformedCausalDataException("actor table is not strictly sorted at " + actor);
            }
            previous = actor;
            actors.add(actor);
            entries.put(actor, counter);
        }
        return new VersionVector(entries);
    }

    private static void readFormatVersion(Reader reader) {
        int formatVersion = reader.readByte("format version");
        if (formatVersion != FORMAT_VERSION) {
            throw new MalformedCausalDataException("unknown causal data format version " + formatVersion);
        }
    }

    private static byte[] utf8(String text) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("node id is not valid Unicode: " + text, e);
        }
    }

    private static String fromUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedCausalDataException("node id is not valid UTF-8", e);
        }
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    /** A growable byte sink; encoding cannot fail for a valid {@link SiblingSet}. */
    private static final class Writer {
        private byte[] buffer = new byte[64];
        private int size;

        void writeByte(int value) {
            ensure(1);
            buffer[size++] = (byte) value;
        }

        void writeVarint(long value) {
            long remaining = value;
            while ((remaining & ~0x7FL) != 0) {
                writeByte((int) ((remaining & 0x7F) | 0x80));
                remaining >>>= 7;
            }
            writeByte((int) remaining);
        }

        void writeBytes(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        byte[] toByteArray() {
            byte[] result = new byte[size];
            System.arraycopy(buffer, 0, result, 0, size);
            return result;
        }

        private void ensure(int extra) {
            if (buffer.length - size < extra) {
                int capacity = Math.max(buffer.length * 2, size + extra);
                byte[] grown = new byte[capacity];
                System.arraycopy(buffer, 0, grown, 0, size);
                buffer = grown;
            }
        }
    }

    /** A bounds-checked cursor: every read checks what remains and fails with the typed exception. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            if (bytes == null) {
                throw new MalformedCausalDataException("no causal data (null)");
            }
            this.bytes = bytes;
        }

        int remaining() {
            return bytes.length - position;
        }

        int readByte(String what) {
            if (position >= bytes.length) {
                throw truncated(what);
            }
            return bytes[position++] & 0xFF;
        }

        /** Reads a canonical (shortest form) unsigned varint of at most 64 bits. */
        long readVarint(String what) {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int next = readByte(what);
                if (shift == 63 && next > 1) {
                    throw new MalformedCausalDataException(what + " overflows 64 bits");
                }
                result |= (long) (next & 0x7F) << shift;
                if ((next & 0x80) == 0) {
                    if (next == 0 && shift > 0) {
                        throw new MalformedCausalDataException(what + " is not a minimal varint");
                    }
                    return result;
                }
            }
            throw new MalformedCausalDataException(what + " overflows 64 bits");
        }

        /**
         * Reads a count of items each taking at least {@code minBytesEach} bytes and rejects it unless the
         * remaining input could hold that many, so a forged count can never cause a large allocation.
         */
        int readCount(int minBytesEach, String what) {
            long count = readVarint(what);
            if (count < 0 || count > remaining() / minBytesEach) {
                throw new MalformedCausalDataException(
                        what + " " + Long.toUnsignedString(count) + " exceeds the " + remaining() + " bytes left");
            }
            return (int) count;
        }

        byte[] readBytes(int length) {
            if (length > remaining()) {
                throw truncated("bytes");
            }
            byte[] result = new byte[length];
            System.arraycopy(bytes, position, result, 0, length);
            position += length;
            return result;
        }

        void expectEnd() {
            if (position != bytes.length) {
                throw new MalformedCausalDataException(remaining() + " trailing bytes after causal data");
            }
        }

        private MalformedCausalDataException truncated(String what) {
            return new MalformedCausalDataException("truncated causal data while reading " + what);
        }
    }
}
