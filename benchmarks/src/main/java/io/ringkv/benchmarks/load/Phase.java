package io.ringkv.benchmarks.load;

import java.time.Duration;

/**
 * One stretch of a run that ends after a duration or after a number of requests (exactly one of the
 * two is set).
 *
 * @param name shown on progress lines
 * @param duration how long to issue requests, or {@link Duration#ZERO} when counted
 * @param requests how many requests to issue, or 0 when timed
 */
public record Phase(String name, Duration duration, long requests) {

    public Phase {
        boolean timed = duration != null && !duration.isZero() && !duration.isNegative();
        if (timed == (requests > 0)) {
            throw new IllegalArgumentException("a phase has either a positive duration or a positive request count");
        }
    }

    public static Phase timed(String name, Duration duration) {
        return new Phase(name, duration, 0);
    }

    public static Phase counted(String name, long requests) {
        return new Phase(name, Duration.ZERO, requests);
    }

    public boolean isCounted() {
        return requests > 0;
    }
}
