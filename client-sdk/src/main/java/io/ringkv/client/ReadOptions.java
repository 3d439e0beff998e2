package io.ringkv.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-read settings. Immutable; derive variants with the {@code with*} methods or a {@link #builder()}.
 *
 * @param r how many replicas must answer before the read returns, 1..255; 0 means the coordinating
 *     node's default (R = 2 with N = 3 out of the box)
 * @param consistency the consistency mode
 * @param timeout the budget of the whole read, failovers included; {@link Duration#ZERO} means the
 *     client's configured request timeout. The coordinating node is told the remaining budget, so it
 *     answers {@code TIMEOUT} (with the replies it did get) before the client gives up.
 */
public record ReadOptions(int r, Consistency consistency, Duration timeout) {

    /** Node-default R and consistency, client-default timeout. */
    public static final ReadOptions DEFAULT = new ReadOptions(0, Consistency.DEFAULT, Duration.ZERO);

    public ReadOptions {
        OptionChecks.checkQuorum("r", r);
        Objects.requireNonNull(consistency, "consistency");
        OptionChecks.checkTimeout(timeout);
    }

    public ReadOptions withR(int newR) {
        return new ReadOptions(newR, consistency, timeout);
    }

    public ReadOptions withConsistency(Consistency newConsistency) {
        return new ReadOptions(r, newConsistency, timeout);
    }

    public ReadOptions withTimeout(Duration newTimeout) {
        return new ReadOptions(r, consistency, newTimeout);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder of {@link ReadOptions}; not thread-safe. */
    public static final class Builder {
        private int r;
        private Consistency consistency = Consistency.DEFAULT;
        private Duration timeout = Duration.ZERO;

        private Builder() {}

        public Builder r(int value) {
            this.r = value;
            return this;
        }

        public Builder consistency(Consistency value) {
            this.consistency = value;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public ReadOptions build() {
            return new ReadOptions(r, consistency, timeout);
        }
    }
}
