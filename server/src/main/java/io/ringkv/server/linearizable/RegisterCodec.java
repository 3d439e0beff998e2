package io.ringkv.server.linearizable;

import io.ringkv.protocol.message.AbdTag;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The stored form of a {@link Register}, big-endian:
 * {@code format (1) ‖ counter (8) ‖ writer length (2) ‖ writer (UTF-8) ‖ flags (1, bit 0 = tombstone) ‖
 * value length (4) ‖ value}. The leading format byte lets a later version change the layout and still
 * read what this one wrote.
 */
final class RegisterCodec {

    static final byte FORMAT = 1;
    private static final byte TOMBSTONE_FLAG = 1;
    private static final int FIXED_BYTES = 1 + Long.BYTES + Short.BYTES + 1 + Integer.BYTES;

    private RegisterCodec() {}

    static byte[] encode(Register register) {
        byte[] writer = register.tag().writer().getBytes(StandardCharsets.UTF_8);
        if (writer.length > 0xFFFF) {
            throw new IllegalArgumentException("a tag's writer id has at most 65535 bytes, was " + writer.length);
        }
        return ByteBuffer.allocate(FIXED_BYTES + writer.length + register.value().length)
                .put(FORMAT)
                .putLong(register.tag().counter())
                .putShort((short) writer.length)
                .put(writer)
                .put(register.tombstone() ? TOMBSTONE_FLAG : 0)
                .putInt(register.value().length)
                .put(register.value())
                .array();
    }

    /**
     * The inverse of {@link #encode}.
     *
     * @throws IllegalArgumentException naming what is wrong when {@code stored} is not an encoded register
     */
    static Register decode(byte[] stored) {
        ByteBuffer buffer = ByteBuffer.wrap(stored);
        try {
            byte format = buffer.get();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown register format " + format);
            }
            long counter = buffer.getLong();
            byte[] writer = new byte[Short.toUnsignedInt(buffer.getShort())];
            buffer.get(writer);
            byte flags = buffer.get();
            if ((flags & ~TOMBSTONE_FLAG) != 0) {
                throw new IllegalArgumentException("unknown register flags " + flags);
            }
            int valueLength = buffer.getInt();
            if (valueLength != buffer.remaining()) {
                throw new IllegalArgumentException(
                        "value length " + valueLength + " but " + buffer.remaining() + " bytes follow");
            }
            byte[] value = new byte[valueLength];
            buffer.get(value);
            return new Register(new AbdTag(counter, utf8(writer)), value, flags == TOMBSTONE_FLAG);
        } catch (BufferUnderflowException truncated) {
            throw new IllegalArgumentException(
                    "truncated after " + buffer.position() + " of " + stored.length + " bytes");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException malformed) {
            throw new IllegalArgumentException("the writer id is not UTF-8");
        }
    }
}
