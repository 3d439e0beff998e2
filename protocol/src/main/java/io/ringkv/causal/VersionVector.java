package io.ringkv.causal;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable map from actor to the highest counter seen from it: the set of dots
 * {@code {(a, 1..n) : (a -> n) in the map}}. Entries are kept sorted by actor so that equal vectors
 * encode to equal bytes.
 */
public record VersionVector(NavigableMap<ActorId, Long> entries) {

    public static final VersionVector EMPTY = new VersionVector(new TreeMap<>());

    public VersionVector {
        Objects.requireNonNull(entries, "entries");
        TreeMap<ActorId, Long> copy = new TreeMap<>();
        for (Map.Entry<ActorId, Long> entry : entries.entrySet()) {
            long counter = Objects.requireNonNull(entry.getValue(), "counter");
            if (counter < 0) {
                throw new IllegalArgumentException("negative counter for " + entry.getKey() + ": " + counter);
            }
            if (counter > 0) {
                copy.put(Objects.requireNonNull(entry.getKey(), "actor"), counter);
            }
        }
        entries = Collections.unmodifiableNavigableMap(copy);
    }

    public static VersionVector of(Map<ActorId, Long> entries) {
        return new VersionVector(new TreeMap<>(entries));
    }

    /** The highest counter seen from {@code actor}, 0 when none. */
    public long counter(ActorId actor) {
        return entries.getOrDefault(actor, 0L);
    }

    /** Whether this vector covers (has seen) the given dot. */
    public boolean covers(Dot dot) {
        return counter(dot.actor()) >= dot.counter();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
