package io.ringkv.consistency.workload;

import java.util.Objects;

/**
 * An operation a client process is about to invoke: Jepsen's {@code :f} and {@code :value}.
 *
 * @param f the function ({@code read}, {@code write}, {@code add})
 * @param value the invocation's value; {@code null} for a plain read
 */
public record Invocation(String f, Object value) {

    public Invocation {
        Objects.requireNonNull(f, "f");
    }
}
