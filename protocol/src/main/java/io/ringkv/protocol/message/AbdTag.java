package io.ringkv.protocol.message;

import java.util.Comparator;
import java.util.Objects;

/**
 * Version tag of a linearizable register (ABD): writes are totally ordered by {@code counter}, then by
 * {@code writer} (the coordinating node's id) to break ties between concurrent writers deterministically.
 *
 * @param counter Lamport-style counter; a writer uses one more than the highest it queried
 * @param writer  id of the node that coordinated the write; empty only in {@link #ZERO}
 */
public record AbdTag(long counter, String writer) implements Comparable<AbdTag> {

    /** The tag of a register that was never written; every real tag is greater. */
    public static final AbdTag ZERO = new AbdTag(0, "");

    private static final Comparator<AbdTag> ORDER =
            Comparator.comparingLong(AbdTag::counter).thenComparing(AbdTag::writer);

    public AbdTag {
        Objects.requireNonNull(writer, "writer");
    }

    /** The tag a writer uses to supersede this one. */
    public AbdTag next(String newWriter) {
        return new AbdTag(counter + 1, newWriter);
    }

    @Override
    public int compareTo(AbdTag other) {
        return ORDER.compare(this, other);
    }
}
