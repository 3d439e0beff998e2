package io.ringkv.consistency.workload;

import io.ringkv.client.Consistency;
import io.ringkv.client.ReadOptions;
import io.ringkv.client.WriteOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The consistency a workload's operations ask for.
 *
 * @param mode EVENTUAL, STRICT or LINEARIZABLE
 * @param r replicas a read waits for; 0 for the node's default. Ignored by LINEARIZABLE (majority)
 * @param w replicas a write waits for; 0 for the node's default. Ignored by LINEARIZABLE (majority)
 * @param timeout each operation's budget
 */
public record ConsistencySettings(Consistency mode, int r, int w, Duration timeout) {

    public ConsistencySettings {
        Objects.requireNonNull(mode, "mode");
        if (mode == Consistency.DEFAULT) {
            throw new IllegalArgumentException("name the consistency mode: eventual, strict or linearizable");
        }
        if (r < 0 || w < 0) {
            throw new IllegalArgumentException("r and w must not be negative, were " + r + " and " + w);
        }
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Parses {@code eventual}, {@code strict}, {@code linearizable}. */
    public static Consistency parseMode(String text) {
        return Consistency.valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public ReadOptions readOptions() {
        return new ReadOptions(mode == Consistency.LINEARIZABLE ? 0 : r, mode, timeout);
    }

    public WriteOptions writeOptions() {
        return new WriteOptions(mode == Consistency.LINEARIZABLE ? 0 : w, mode, timeout);
    }

    /** {@code eventual r=1 w=1}, {@code linearizable}. */
    public String describe() {
        String name = mode.name().toLowerCase(Locale.ROOT);
        return mode == Consistency.LINEARIZABLE ? name : name + " r=" + r + " w=" + w;
    }
}
