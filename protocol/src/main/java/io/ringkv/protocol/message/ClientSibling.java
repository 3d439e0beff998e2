package io.ringkv.protocol.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * One concurrent value of a key as returned to a client.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them after construction. {@code equals}
 * and {@code hashCode} compare array contents.
 *
 * @param value the value
 * @param wallClockMillis wall-clock time the value was written, for display and last-write-wins resolvers
 */
public record ClientSibling(byte[] value, long wallClockMillis) {

    public ClientSibling {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof ClientSibling other
                && Arrays.equals(value, other.value)
                && wallClockMillis == other.wallClockMillis;
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(value);
        hash = 31 * hash + Long.hashCode(wallClockMillis);
        return hash;
    }

    @Override
    public String toString() {
        return "ClientSibling[" + "value=" + Fields.describe(value) + ", wallClockMillis=" + wallClockMillis + "]";
    }
}
