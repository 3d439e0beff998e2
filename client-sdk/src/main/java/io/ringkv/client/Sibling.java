package io.ringkv.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One of the concurrent values of a key, as a read returns it.
 *
 * <p>The array is not copied (values can be large): treat it as read-only. {@code equals} and
 * {@code hashCode} compare its contents.
 *
 * @param value the value's bytes
 * @param writtenAtMillis wall-clock time at which the coordinating node accepted this write, in
 *     milliseconds since the epoch. Clocks of different nodes drift, so use it for display and for
 *     last-write-wins resolution only, never to decide causality.
 */
public record Sibling(byte[] value, long writtenAtMillis) {

    public Sibling {
        Objects.requireNonNull(value, "value");
    }

    /** The value decoded as UTF-8. */
    public String valueAsString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sibling that
                && writtenAtMillis == that.writtenAtMillis
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(value) + Long.hashCode(writtenAtMillis);
    }

    @Override
    public String toString() {
        return "Sibling[" + value.length + " bytes, writtenAtMillis=" + writtenAtMillis + "]";
    }
}
