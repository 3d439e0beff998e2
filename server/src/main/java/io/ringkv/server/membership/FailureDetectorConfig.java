package io.ringkv.server.membership;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the {@link PhiAccrualFailureDetector}, validated on construction.
 *
 * <p>The detector models the time between two heartbeats of a peer as a normal distribution whose mean
 * is the observed mean plus {@code acceptableHeartbeatPauseMillis} and whose standard deviation is the
 * observed one but at least {@code minStdDeviationMillis}. {@code phi = -log10(P(no heartbeat yet))}; the
 * peer is convicted when phi reaches {@code threshold}. For threshold 8 (a one-in-10<sup>8</sup> chance
 * that a live peer is that late) the logistic approximation of the normal tail reaches phi 8 at
 * {@code y = 5.226} standard deviations, so a peer is convicted
 * {@code mean + acceptableHeartbeatPause + 5.226 × max(stdDeviation, minStdDeviation)} after the last
 * heartbeat arrived (see {@link #convictionDelayMillis(double, double)}).
 *
 * <p><b>Defaults and why.</b> With the default 200 ms gossip interval a neighbour's messages reach us at
 * least once per round (mean 200 ms or less, observed deviation under the 100 ms floor), so a silent
 * neighbour is convicted after {@code 200 + 1000 + 5.226 × 100 ≈ 1,723 ms}, noticed at the next status
 * check (one round): about 1.9 s after it stopped. Peers that are not our neighbours learn of it from its
 * monitors' gossip, O(log n) rounds later, inside the 5 s target at 5,000 nodes. A live neighbour is
 * convicted falsely only if none of its messages reaches us for 1.7 s, about eight consecutive rounds;
 * ordinary jitter and even 10% message loss do not get near that.
 * A stop-the-world pause longer than about 1.7 s does convict, which is intended: the node is not
 * answering. {@code firstHeartbeatEstimateMillis} (500 ms, deviation a quarter of it) seeds the window of
 * a newly seen peer so it is not convicted before real samples arrive.
 *
 * @param threshold phi at which a peer is considered down; higher means fewer false convictions and
 *     slower detection (default 8.0)
 * @param minStdDeviationMillis floor of the standard deviation, so very regular heartbeats do not make
 *     the detector hair-trigger (default 100)
 * @param acceptableHeartbeatPauseMillis extra silence tolerated on top of the mean interval, for GC
 *     pauses and lost messages (default 1000)
 * @param firstHeartbeatEstimateMillis assumed mean interval before any sample exists (default 500)
 * @param maxSampleSize number of inter-arrival times kept per peer (default 1000)
 */
public record FailureDetectorConfig(
        double threshold,
        long minStdDeviationMillis,
        long acceptableHeartbeatPauseMillis,
        long firstHeartbeatEstimateMillis,
        int maxSampleSize) {

    public static final double DEFAULT_THRESHOLD = 8.0;
    public static final long DEFAULT_MIN_STD_DEVIATION_MILLIS = 100;
    public static final long DEFAULT_ACCEPTABLE_HEARTBEAT_PAUSE_MILLIS = 1000;
    public static final long DEFAULT_FIRST_HEARTBEAT_ESTIMATE_MILLIS = 500;
    public static final int DEFAULT_MAX_SAMPLE_SIZE = 1000;

    /** The defaults described above. */
    public static final FailureDetectorConfig DEFAULTS = new FailureDetectorConfig(
            DEFAULT_THRESHOLD,
            DEFAULT_MIN_STD_DEVIATION_MILLIS,
            DEFAULT_ACCEPTABLE_HEARTBEAT_PAUSE_MILLIS,
            DEFAULT_FIRST_HEARTBEAT_ESTIMATE_MILLIS,
            DEFAULT_MAX_SAMPLE_SIZE);

    private static final double CUBIC_COEFFICIENT = 0.070566;
    private static final double LINEAR_COEFFICIENT = 1.5976;

    /**
     * @throws IllegalArgumentException naming every invalid field
     */
    public FailureDetectorConfig {
        List<String> problems = new ArrayList<>();
        if (!(threshold > 0 && threshold <= 300)) {
            problems.add("threshold must be within (0, 300], was " + threshold);
        }
        if (minStdDeviationMillis < 1) {
            problems.add("minStdDeviationMillis must be >= 1, was " + minStdDeviationMillis);
        }
        if (acceptableHeartbeatPauseMillis < 0) {
            problems.add("acceptableHeartbeatPauseMillis must be >= 0, was " + acceptableHeartbeatPauseMillis);
        }
        if (firstHeartbeatEstimateMillis < 1) {
            problems.add("firstHeartbeatEstimateMillis must be >= 1, was " + firstHeartbeatEstimateMillis);
        }
        if (maxSampleSize < 1 || maxSampleSize > 1_000_000) {
            problems.add("maxSampleSize must be within 1..1000000, was " + maxSampleSize);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid failure detector settings: " + String.join("; ", problems));
        }
    }

    public FailureDetectorConfig withThreshold(double newThreshold) {
        return new FailureDetectorConfig(
                newThreshold,
                minStdDeviationMillis,
                acceptableHeartbeatPauseMillis,
                firstHeartbeatEstimateMillis,
                maxSampleSize);
    }

    public FailureDetectorConfig withAcceptableHeartbeatPauseMillis(long newPauseMillis) {
        return new FailureDetectorConfig(
                threshold, minStdDeviationMillis, newPauseMillis, firstHeartbeatEstimateMillis, maxSampleSize);
    }

    public FailureDetectorConfig withMaxSampleSize(int newMaxSampleSize) {
        return new FailureDetectorConfig(
                threshold,
                minStdDeviationMillis,
                acceptableHeartbeatPauseMillis,
                firstHeartbeatEstimateMillis,
                newMaxSampleSize);
    }

    /**
     * How long after the last heartbeat phi reaches {@link #threshold()} for a peer whose observed
     * inter-arrival times have the given mean and standard deviation; the arithmetic of the class comment.
     * With the defaults and a steady 200 ms interval this is about 1,723 ms.
     */
    public double convictionDelayMillis(double meanIntervalMillis, double stdDeviationMillis) {
        double deviation = Math.max(stdDeviationMillis, minStdDeviationMillis);
        return meanIntervalMillis + acceptableHeartbeatPauseMillis + thresholdInDeviations() * deviation;
    }

    /**
     * The number of standard deviations past the (pause-extended) mean at which phi equals the threshold:
     * the real root of {@code 0.070566 y³ + 1.5976 y = ln((1 - p) / p)} with {@code p = 10^-threshold},
     * solved with Cardano's formula (the cubic is strictly increasing, so the root is unique).
     */
    double thresholdInDeviations() {
        double p = Math.pow(10, -threshold);
        double k = Math.log((1 - p) / p);
        double linear = LINEAR_COEFFICIENT / CUBIC_COEFFICIENT;
        double constant = k / CUBIC_COEFFICIENT;
        double root = Math.sqrt(constant * constant / 4 + linear * linear * linear / 27);
        return Math.cbrt(constant / 2 + root) + Math.cbrt(constant / 2 - root);
    }
}
