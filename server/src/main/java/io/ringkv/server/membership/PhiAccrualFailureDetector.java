package io.ringkv.server.membership;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The phi-accrual failure detector of Hayashibara et al., in the form Akka and Cassandra use: for each
 * peer a bounded window of heartbeat inter-arrival times, and a suspicion level
 * {@code phi = -log10(1 - F(timeSinceLastHeartbeat))} where {@code F} is the cumulative distribution of a
 * normal distribution with the window's mean (plus the acceptable pause) and standard deviation (at least
 * the configured floor). Phi grows continuously with silence; the peer is considered unavailable once phi
 * reaches the threshold. {@link FailureDetectorConfig} states the timing arithmetic of the defaults.
 *
 * <p>The detector only turns heartbeat arrivals into an opinion; it does not decide what counts as a
 * heartbeat. The {@link Gossiper} reports every newer heartbeat of a peer it learns through gossip, and
 * resets a peer's window when the peer restarts with a new generation.
 *
 * <p>A heartbeat that arrives while the peer is already convicted (phi at or above the threshold) starts
 * a fresh window, as if the peer were new: the long silence says nothing about its normal heartbeat rhythm,
 * and keeping it would make the next failure of that peer slow to detect.
 *
 * <p>Time is an argument ({@code nowNanos}, from one monotonic clock), so the detector is deterministic.
 * Not thread-safe: it is confined to the node's topology thread.
 */
public final class PhiAccrualFailureDetector {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final FailureDetectorConfig config;
    private final double convictionDeviations;
    private final Map<String, HeartbeatHistory> histories = new HashMap<>();

    public PhiAccrualFailureDetector(FailureDetectorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.convictionDeviations = config.thresholdInDeviations();
    }

    public FailureDetectorConfig config() {
        return config;
    }

    /** Records that a (newer) heartbeat of {@code nodeId} arrived at {@code nowNanos}. */
    public void heartbeat(String nodeId, long nowNanos) {
        Objects.requireNonNull(nodeId, "nodeId");
        HeartbeatHistory history = histories.get(nodeId);
        if (history == null || isConvicted(history, nowNanos)) {
            histories.put(
                    nodeId,
                    new HeartbeatHistory(config.maxSampleSize(), config.firstHeartbeatEstimateMillis(), nowNanos));
        } else {
            history.arrived(nowNanos);
        }
    }

    /**
     * The suspicion level of {@code nodeId} at {@code nowNanos}: 0 right after a heartbeat, growing with
     * silence, {@link Double#POSITIVE_INFINITY} when the silence is far beyond any observed interval. A peer
     * that is not monitored has phi 0 (as in Akka); ask {@link #isMonitoring} to tell the two apart.
     */
    public double phi(String nodeId, long nowNanos) {
        HeartbeatHistory history = histories.get(nodeId);
        return history == null ? 0.0 : phi(history, nowNanos);
    }

    /**
     * Whether phi of {@code nodeId} is below the threshold; true for a peer that is not monitored. Decided
     * without evaluating phi: the threshold is solved once for the number of standard deviations it lies
     * past the mean, so this is one comparison of the silence with a conviction delay.
     */
    public boolean isAvailable(String nodeId, long nowNanos) {
        HeartbeatHistory history = histories.get(nodeId);
        return history == null || !isConvicted(history, nowNanos);
    }

    public boolean isMonitoring(String nodeId) {
        return histories.containsKey(nodeId);
    }

    /** When the last heartbeat of {@code nodeId} arrived, if it is monitored. */
    public OptionalLong lastHeartbeatNanos(String nodeId) {
        HeartbeatHistory history = histories.get(nodeId);
        return history == null ? OptionalLong.empty() : OptionalLong.of(history.lastArrivalNanos());
    }

    /** Forgets {@code nodeId}: its next heartbeat starts a fresh window (used when a peer restarts). */
    public void remove(String nodeId) {
        histories.remove(nodeId);
    }

    public int monitoredCount() {
        return histories.size();
    }

    private boolean isConvicted(HeartbeatHistory history, long nowNanos) {
        double sinceLastMillis = Math.max(0L, nowNanos - history.lastArrivalNanos()) / NANOS_PER_MILLI;
        double deviationMillis = Math.max(history.stdDeviationMillis(), config.minStdDeviationMillis());
        return sinceLastMillis
                >= history.meanMillis()
                        + config.acceptableHeartbeatPauseMillis()
                        + convictionDeviations * deviationMillis;
    }

    private double phi(HeartbeatHistory history, long nowNanos) {
        double sinceLastMillis = Math.max(0L, nowNanos - history.lastArrivalNanos()) / NANOS_PER_MILLI;
        double meanMillis = history.meanMillis() + config.acceptableHeartbeatPauseMillis();
        double deviationMillis = Math.max(history.stdDeviationMillis(), config.minStdDeviationMillis());
        return phi(sinceLastMillis, meanMillis, deviationMillis);
    }

    /**
     * {@code -log10(1 - F(t))} for a normal distribution, with the logistic approximation of its cumulative
     * distribution that Akka uses (error below 0.02%). The two branches are the same value; each is the
     * numerically stable form on its side of the mean.
     */
    static double phi(double sinceLastMillis, double meanMillis, double stdDeviationMillis) {
        double y = (sinceLastMillis - meanMillis) / stdDeviationMillis;
        double e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
        if (sinceLastMillis > meanMillis) {
            return -Math.log10(e / (1.0 + e));
        }
        return -Math.log10(1.0 - 1.0 / (1.0 + e));
    }
}
