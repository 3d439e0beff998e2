package io.ringkv.consistency.workload;

import io.ringkv.consistency.history.Keyword;
import io.ringkv.consistency.history.OpType;
import java.util.Objects;

/**
 * How an operation ended, as its history completion: {@code :ok} with the value observed, {@code :fail}
 * when it definitely did not take effect, {@code :info} when nobody knows.
 *
 * @param type {@code :ok}, {@code :fail} or {@code :info}
 * @param value the completion's value (the value read, or the invocation's value repeated)
 * @param error the {@code :error} keyword; {@code null} for {@code :ok}
 */
public record Completion(OpType type, Object value, Keyword error) {

    public Completion {
        Objects.requireNonNull(type, "type");
        if (!type.isCompletion()) {
            throw new IllegalArgumentException("not a completion: " + type);
        }
    }

    public static Completion ok(Object value) {
        return new Completion(OpType.OK, value, null);
    }

    public static Completion fail(Object value, String error) {
        return new Completion(OpType.FAIL, value, Keyword.of(error));
    }

    public static Completion info(Object value, String error) {
        return new Completion(OpType.INFO, value, Keyword.of(error));
    }

    /** True for {@code :info}: the process that saw it must be retired. */
    public boolean indeterminate() {
        return type == OpType.INFO;
    }
}
