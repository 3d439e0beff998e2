package io.ringkv.causal;

import java.util.Arrays;
import java.util.Objects;

/**
 * One sibling: a value (or a tombstone) tagged with the dot of the write that created it.
 *
 * <p>{@code wallClockMillis} is the coordinator's wall clock at write time. It takes no part in
 * causality; it exists only for last-write-wins resolvers and for tombstone grace periods.
 */
public record Version(Dot dot, byte[] value, boolean tombstone, long wallClockMillis) {

    private static final byte[] EMPTY = new byte[0];

    public Version {
        Objects.requireNonNull(dot, "dot");
        Objects.requireNonNull(value, "value");
        if (tombstone && value.length != 0) {
            throw new IllegalArgumentException("a tombstone carries no value");
        }
    }

    public static Version of(Dot dot, byte[] value, long wallClockMillis) {
        return new Version(dot, value, false, wallClockMillis);
    }

    public static Version tombstone(Dot dot, long wallClockMillis) {
        return new Version(dot, EMPTY, true, wallClockMillis);
    }

    /** The value bytes. Callers must not modify the returned array. */
    @Override
    public byte[] value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Version that
                && dot.equals(that.dot)
                && tombstone == that.tombstone
                && wallClockMillis == that.wallClockMillis
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dot, tombstone, wallClockMillis) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Version[" + dot + (tombstone ? ", tombstone" : ", " + value.length + " bytes") + "]";
    }
}
