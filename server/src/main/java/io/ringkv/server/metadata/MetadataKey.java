package io.ringkv.server.metadata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

/**
 * The name and type of one entry in the {@link NodeMetadataStore}, e.g.
 * {@code MetadataKey.bytes("ring.assignment")}. The codec turns values into the stored bytes and back;
 * changing a key's type later makes old entries unreadable, so pick a new name instead.
 *
 * @param name the entry's name: 1 to 200 characters
 * @param encoder value to stored bytes
 * @param decoder stored bytes to value
 */
public record MetadataKey<T>(String name, Function<T, byte[]> encoder, Function<byte[], T> decoder) {

    public MetadataKey {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > 200) {
            throw new IllegalArgumentException("metadata key name must have 1..200 characters, was '" + name + "'");
        }
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(decoder, "decoder");
    }

    /** An entry holding raw bytes (e.g. an encoded ring assignment). */
    public static MetadataKey<byte[]> bytes(String name) {
        return new MetadataKey<>(name, byte[]::clone, byte[]::clone);
    }

    /** An entry holding UTF-8 text. */
    public static MetadataKey<String> string(String name) {
        return new MetadataKey<>(
                name,
                value -> value.getBytes(StandardCharsets.UTF_8),
                stored -> new String(stored, StandardCharsets.UTF_8));
    }

    /** An entry holding a 64-bit number (8 bytes, big-endian). */
    public static MetadataKey<Long> longValue(String name) {
        return new MetadataKey<>(
                name,
                value -> ByteBuffer.allocate(Long.BYTES).putLong(value).array(),
                stored -> ByteBuffer.wrap(stored).getLong());
    }
}
