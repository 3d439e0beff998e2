package io.ringkv.consistency.history;

import java.util.Objects;

/**
 * An EDN symbol found inside an operation (rare: Jepsen clients sometimes store one in an error), kept
 * so that reading and writing a history does not change it.
 *
 * @param name the symbol as written, possibly with a namespace
 */
public record Symbol(String name) {

    public Symbol {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return name;
    }
}
