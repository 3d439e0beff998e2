package io.ringkv.client;

import java.time.Duration;
import java.util.Objects;

/** Range checks shared by {@link ReadOptions} and {@link WriteOptions}; the limits are the wire format's. */
final class OptionChecks {

    /** Timeouts travel as an unsigned 32-bit count of milliseconds. */
    static final long MAX_TIMEOUT_MILLIS = 0xFFFF_FFFFL;

    private OptionChecks() {}

    static void checkQuorum(String name, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(name + " must be within 0..255 (0 = node default), was " + value);
        }
    }

    static void checkTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        if (timeout.compareTo(Duration.ofMillis(MAX_TIMEOUT_MILLIS)) > 0) {
            throw new IllegalArgumentException("timeout must be at most " + MAX_TIMEOUT_MILLIS + " ms, was " + timeout);
        }
    }
}
