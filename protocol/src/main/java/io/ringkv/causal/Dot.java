package io.ringkv.causal;

import java.util.Objects;

/** One write event: the {@code counter}-th write coordinated by {@code actor}. Counters start at 1. */
public record Dot(ActorId actor, long counter) implements Comparable<Dot> {

    public Dot {
        Objects.requireNonNull(actor, "actor");
        if (counter < 1) {
            throw new IllegalArgumentException("dot counter must be >= 1, was " + counter);
        }
    }

    @Override
    public int compareTo(Dot other) {
        int byActor = actor.compareTo(other.actor);
        return byActor != 0 ? byActor : Long.compare(counter, other.counter);
    }

    @Override
    public String toString() {
        return actor + ":" + counter;
    }
}
