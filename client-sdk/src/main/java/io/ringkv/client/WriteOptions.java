package io.ringkv.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-write settings (puts and deletes). Immutable; derive variants with the {@code with*} methods or a
 * {@link #builder()}.
 *
 * @param w how many replicas must acknowledge before the write returns, 1..255; 0 means the
 *     coordinating node's default (W = 2 with N = 3 out of the box)
 * @param consistency the consistency mode
 * @param timeout the budget of the whole write, failovers included; {@link Duration#ZERO} means the
 *     client's configured request timeout. The coordinating node is told the remaining budget.
 */
public record WriteOptions(int w, Consistency consistency, Duration timeout) {

    /** Node-default W and consistency, client-default timeout. */
    public static final WriteOptions DEFAULT = new WriteOptions(0, Consistency.DEFAULT, Duration.ZERO);

    public WriteOptions {
        OptionChecks.checkQuorum("w", w);
        Objects.requireNonNull(consistency, "consistency");
        OptionChecks.checkTimeout(timeout);
    }

    public WriteOptions withW(int newW) {
        return new WriteOptions(newW, consistency, timeout);
    }

    public WriteOptions withConsistency(Consistency newConsistency) {
        return new WriteOptions(w, newConsistency, timeout);
    }

    public WriteOptions withTimeout(Duration newTimeout) {
        return new WriteOptions(w, consistency, newTimeout);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder of {@link WriteOptions}; not thread-safe. */
    public static final class Builder {
        private int w;
        private Consistency consistency = Consistency.DEFAULT;
        private Duration timeout = Duration.ZERO;

        private Builder() {}

        public Builder w(int value) {
            this.w = value;
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

        public WriteOptions build() {
            return new WriteOptions(w, consistency, timeout);
        }
    }
}
