package io.ringkv.causal;

/**
 * How two causal histories relate, seen from the first one: it happened {@code BEFORE} the second (the
 * second has seen everything it has, and more), {@code AFTER} it, {@code CONCURRENTLY} with it (each has
 * seen something the other has not), or the two are {@code EQUAL}.
 */
public enum Occurred {
    BEFORE,
    AFTER,
    CONCURRENTLY,
    EQUAL
}
