package io.ringkv.server.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry returned by a partition scan: the key and its stored bytes (an encoded sibling set).
 *
 * @param value the stored bytes; callers must not modify the array
 */
public record StoredEntry(StorageKey key, byte[] value) {

    public StoredEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredEntry that && key.equals(that.key) && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "StoredEntry[" + key + ", " + value.length + " bytes]";
    }
}
