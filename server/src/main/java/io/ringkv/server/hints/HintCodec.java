package io.ringkv.server.hints;

import io.ringkv.server.storage.StorageException;
import io.ringkv.server.storage.StorageKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte layout of the hint store's two B-trees. Both keys start with the owner as
 * {@code length (2 bytes) ‖ UTF-8}, so each owner's records are one contiguous range, and no owner's
 * range is a prefix of another's.
 *
 * <pre>
 * hints: owner ‖ id (8 bytes, big-endian)  →  0x01 ‖ createdAtMillis (8) ‖ keyLength (4) ‖ storage key ‖ sibling set
 * index: owner ‖ storage key                →  id (8) ‖ bytes (4)
 * </pre>
 *
 * <p>Ids are positive, so within an owner the {@code hints} tree is ordered by id, that is, by creation:
 * reading an owner's range from its start gives the oldest hints first. The {@code index} finds the hint
 * of an owner and key, so later writes merge into it. Thread-safe: stateless.
 */
final class HintCodec {

    /** The longest owner id, in UTF-8 bytes, that the 2-byte length prefix can describe. */
    static final int MAX_OWNER_BYTES = 0xFFFF;

    private static final byte FORMAT_VERSION = 1;
    private static final int VALUE_HEADER_BYTES = 1 + Long.BYTES + Integer.BYTES;
    private static final int INDEX_VALUE_BYTES = Long.BYTES + Integer.BYTES;

    private HintCodec() {}

    /** The index entry of a hint: its id and its size. */
    record IndexEntry(long id, int bytes) {}

    /** A hint record's value, decoded; {@code encodedSet} is the sibling set exactly as stored. */
    record StoredHint(long createdAtMillis, StorageKey key, byte[] encodedSet) {}

    static byte[] ownerPrefix(String owner) {
        byte[] utf8 = owner.getBytes(StandardCharsets.UTF_8);
        if (utf8.length == 0 || utf8.length > MAX_OWNER_BYTES) {
            throw new IllegalArgumentException(
                    "owner id must have 1.." + MAX_OWNER_BYTES + " UTF-8 bytes, had " + utf8.length);
        }
        return ByteBuffer.allocate(Short.BYTES + utf8.length)
                .putShort((short) utf8.length)
                .put(utf8)
                .array();
    }

    static byte[] hintKey(byte[] ownerPrefix, long id) {
        return ByteBuffer.allocate(ownerPrefix.length + Long.BYTES)
                .put(ownerPrefix)
                .putLong(id)
                .array();
    }

    /** The first possible key of the owner's range in the {@code hints} tree. */
    static byte[] firstHintKey(byte[] ownerPrefix) {
        return hintKey(ownerPrefix, 0L);
    }

    /** The last possible key of the owner's range in the {@code hints} tree (inclusive). */
    static byte[] lastHintKey(byte[] ownerPrefix) {
        byte[] key = Arrays.copyOf(ownerPrefix, ownerPrefix.length + Long.BYTES);
        Arrays.fill(key, ownerPrefix.length, key.length, (byte) 0xFF);
        return key;
    }

    static long idOf(byte[] hintKey) {
        return ByteBuffer.wrap(hintKey, hintKey.length - Long.BYTES, Long.BYTES).getLong();
    }

    static byte[] indexKey(byte[] ownerPrefix, StorageKey key) {
        byte[] encoded = key.encode();
        return ByteBuffer.allocate(ownerPrefix.length + encoded.length)
                .put(ownerPrefix)
                .put(encoded)
                .array();
    }

    /** The owner named by the prefix of a key of either tree. */
    static String ownerOf(byte[] treeKey) {
        if (treeKey.length < Short.BYTES) {
            throw corrupt("a hint record key of " + treeKey.length + " bytes");
        }
        int length = ByteBuffer.wrap(treeKey).getShort() & 0xFFFF;
        if (length == 0 || treeKey.length < Short.BYTES + length) {
            throw corrupt("a hint record key whose owner length " + length + " exceeds the key");
        }
        return new String(treeKey, Short.BYTES, length, StandardCharsets.UTF_8);
    }

    static byte[] hintValue(long createdAtMillis, StorageKey key, byte[] encodedSet) {
        byte[] encodedKey = key.encode();
        return ByteBuffer.allocate(VALUE_HEADER_BYTES + encodedKey.length + encodedSet.length)
                .put(FORMAT_VERSION)
                .putLong(createdAtMillis)
                .putInt(encodedKey.length)
                .put(encodedKey)
                .put(encodedSet)
                .array();
    }

    static StoredHint decodeHintValue(byte[] value) {
        if (value.length < VALUE_HEADER_BYTES || value[0] != FORMAT_VERSION) {
            throw corrupt("a hint record of " + value.length + " bytes with an unknown layout");
        }
        ByteBuffer buffer = ByteBuffer.wrap(value, 1, value.length - 1);
        long createdAtMillis = buffer.getLong();
        int keyLength = buffer.getInt();
        if (keyLength < StorageKey.HEADER_BYTES || keyLength > buffer.remaining()) {
            throw corrupt(
                    "a hint record whose key length " + keyLength + " does not fit its " + value.length + " bytes");
        }
        byte[] encodedKey = new byte[keyLength];
        buffer.get(encodedKey);
        byte[] encodedSet = new byte[buffer.remaining()];
        buffer.get(encodedSet);
        StorageKey key;
        try {
            key = StorageKey.decode(encodedKey);
        } catch (IllegalArgumentException e) {
            throw new StorageException("the hint store holds a hint with an unreadable key: " + e.getMessage(), e);
        }
        return new StoredHint(createdAtMillis, key, encodedSet);
    }

    static byte[] indexValue(long id, int bytes) {
        return ByteBuffer.allocate(INDEX_VALUE_BYTES).putLong(id).putInt(bytes).array();
    }

    static IndexEntry decodeIndexValue(byte[] value) {
        if (value.length != INDEX_VALUE_BYTES) {
            throw corrupt("a hint index entry of " + value.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        return new IndexEntry(buffer.getLong(), buffer.getInt());
    }

    /**
     * What a hint takes in the store: both records' keys and values. Depends only on the owner, the key
     * and the encoded set's length, so it can be computed before anything is written.
     */
    static int sizeOf(byte[] ownerPrefix, StorageKey key, int encodedSetLength) {
        int encodedKeyLength = StorageKey.HEADER_BYTES + key.key().length;
        long size = (long) ownerPrefix.length
                + Long.BYTES // hints key
                + VALUE_HEADER_BYTES
                + encodedKeyLength
                + encodedSetLength // hints value
                + ownerPrefix.length
                + encodedKeyLength // index key
                + INDEX_VALUE_BYTES; // index value
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a hint of " + size + " bytes is too large to store");
        }
        return (int) size;
    }

    private static StorageException corrupt(String what) {
        return new StorageException("the hint store holds " + what + ": the hints file is corrupt. Move it away"
                + " to start without hints; read repair and anti-entropy then bring the writes they held.");
    }
}
