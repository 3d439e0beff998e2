package io.ringkv.consistency.history;

import java.util.Locale;

/**
 * The {@code :type} of a history operation, as Jepsen defines it. An invocation is answered by at most
 * one completion: {@link #OK} (it happened), {@link #FAIL} (it definitely did not happen) or {@link
 * #INFO} (unknown: it may have happened, at any time after its invocation, or never).
 */
public enum OpType {
    INVOKE,
    OK,
    FAIL,
    INFO;

    /** The EDN keyword name without its colon: {@code invoke}, {@code ok}, {@code fail}, {@code info}. */
    public String keywordName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for {@link #OK}, {@link #FAIL} and {@link #INFO}: the types that end an invocation. */
    public boolean isCompletion() {
        return this != INVOKE;
    }

    /**
     * Parses a keyword name ({@code "ok"}, not {@code ":ok"}).
     *
     * @throws IllegalArgumentException when the name is not one of the four types
     */
    public static OpType fromKeywordName(String name) {
        for (OpType type : values()) {
            if (type.keywordName().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown operation type :" + name);
    }
}
