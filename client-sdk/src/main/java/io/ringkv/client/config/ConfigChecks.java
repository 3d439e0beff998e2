package io.ringkv.client.config;

import java.time.Duration;
import java.util.Objects;

/** Validation helpers for the config records: one clear message per bad value. */
final class ConfigChecks {

    private ConfigChecks() {}

    static void checkRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", was " + value);
        }
    }

    static void checkPositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
