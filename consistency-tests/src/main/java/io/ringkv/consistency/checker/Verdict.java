package io.ringkv.consistency.checker;

/**
 * A checker's answer, three-valued as Jepsen's {@code :valid?}: {@code true}, {@code false}, or
 * {@code :unknown} when the checker could not decide (search budget exhausted, nothing to check).
 */
public enum Verdict {
    VALID,
    INVALID,
    UNKNOWN;

    /**
     * The verdict of several independent parts: invalid if any part is invalid, otherwise unknown if any
     * is unknown, otherwise valid.
     */
    public Verdict and(Verdict other) {
        if (this == INVALID || other == INVALID) {
            return INVALID;
        }
        if (this == UNKNOWN || other == UNKNOWN) {
            return UNKNOWN;
        }
        return VALID;
    }

    /** Jepsen's spelling: {@code true}, {@code false} or {@code :unknown}. */
    public String edn() {
        return switch (this) {
            case VALID -> "true";
            case INVALID -> "false";
            case UNKNOWN -> ":unknown";
        };
    }
}
