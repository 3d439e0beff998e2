package io.ringkv.server.linearizable;

import io.ringkv.protocol.message.AbdTag;
import java.util.Arrays;
import java.util.Objects;

/**
 * One replica's state of a linearizable register: the value of the write with the highest tag it has
 * stored. A delete is a write of a tombstone, so "absent" and "deleted" are the same state, told apart
 * only by the tag ({@link AbdTag#ZERO} for a register that was never written).
 *
 * <p>A tag names exactly one write (see {@code TagIssuer}), so two registers with the same tag hold the
 * same value. The value array is shared, not copied: callers must not modify it.
 *
 * @param tag the tag of the write this state comes from
 * @param value the written value; empty for a tombstone
 * @param tombstone true when the write was a delete (or the register was never written)
 */
public record Register(AbdTag tag, byte[] value, boolean tombstone) {

    /** The state of a register no write has reached. */
    public static final Register ABSENT = new Register(AbdTag.ZERO, new byte[0], true);

    public Register {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(value, "value");
        if (tombstone && value.length != 0) {
            throw new IllegalArgumentException("a tombstone carries no value");
        }
    }

    /** A live value written under {@code tag}. */
    public static Register value(AbdTag tag, byte[] value) {
        return new Register(tag, value, false);
    }

    /** A delete written under {@code tag}. */
    public static Register tombstone(AbdTag tag) {
        return new Register(tag, new byte[0], true);
    }

    /** True when a read of this state finds a value. */
    public boolean present() {
        return !tombstone;
    }

    /** True when this state comes from a strictly later write than {@code other}. */
    public boolean newerThan(Register other) {
        return tag.compareTo(other.tag) > 0;
    }

    @Override
    public boolean equals(Object object) {
        return object instanceof Register other
                && tag.equals(other.tag)
                && tombstone == other.tombstone
                && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return (tag.hashCode() * 31 + Boolean.hashCode(tombstone)) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Register[tag=" + tag + (tombstone ? ", tombstone" : ", " + value.length + " bytes") + "]";
    }
}
