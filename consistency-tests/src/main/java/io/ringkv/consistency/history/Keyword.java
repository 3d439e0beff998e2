package io.ringkv.consistency.history;

import java.util.Objects;

/**
 * An EDN keyword inside an operation's value, error or extra keys, kept apart from strings so that a
 * history written back to EDN says {@code :timeout} where the input said {@code :timeout}.
 *
 * @param name the keyword without its leading colon, possibly with a namespace ({@code "ns/name"})
 */
public record Keyword(String name) {

    public Keyword {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("keyword name must not be empty");
        }
    }

    public static Keyword of(String name) {
        return new Keyword(name);
    }

    @Override
    public String toString() {
        return ":" + name;
    }
}
