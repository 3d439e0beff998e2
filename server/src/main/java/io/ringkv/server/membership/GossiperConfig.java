package io.ringkv.server.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the {@link Gossiper}, validated on construction.
 *
 * @param clusterName nodes exchange gossip only within one cluster name
 * @param gossipIntervalMillis time between two rounds of one node (default 200); the server schedules
 *     {@link Gossiper#runRound()} at this rate on its topology executor
 * @param fanout live peers contacted per round (default 2), plus now and then one unreachable peer and
 *     one seed
 * @param seeds binary addresses of a few nodes used to bootstrap (and to heal split views); a node may
 *     list itself, which is ignored
 * @param failureDetector failure detector settings
 */
public record GossiperConfig(
        String clusterName,
        long gossipIntervalMillis,
        int fanout,
        List<PeerAddress> seeds,
        FailureDetectorConfig failureDetector) {

    public static final long DEFAULT_GOSSIP_INTERVAL_MILLIS = 200;
    public static final int DEFAULT_FANOUT = 2;

    /**
     * @throws IllegalArgumentException naming every invalid field
     */
    public GossiperConfig {
        Objects.requireNonNull(clusterName, "clusterName");
        seeds = List.copyOf(seeds);
        Objects.requireNonNull(failureDetector, "failureDetector");
        List<String> problems = new ArrayList<>();
        if (clusterName.isBlank()) {
            problems.add("clusterName must not be blank");
        }
        if (gossipIntervalMillis < 10 || gossipIntervalMillis > 60_000) {
            problems.add("gossipIntervalMillis must be within 10..60000, was " + gossipIntervalMillis);
        }
        if (fanout < 1 || fanout > 32) {
            problems.add("fanout must be within 1..32, was " + fanout);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid gossip settings: " + String.join("; ", problems));
        }
    }

    /** The defaults (200 ms, fanout 2, default failure detector) for a cluster and its seeds. */
    public static GossiperConfig defaults(String clusterName, List<PeerAddress> seeds) {
        return new GossiperConfig(
                clusterName, DEFAULT_GOSSIP_INTERVAL_MILLIS, DEFAULT_FANOUT, seeds, FailureDetectorConfig.DEFAULTS);
    }

    public long gossipIntervalNanos() {
        return gossipIntervalMillis * 1_000_000L;
    }

    public GossiperConfig withFanout(int newFanout) {
        return new GossiperConfig(clusterName, gossipIntervalMillis, newFanout, seeds, failureDetector);
    }

    public GossiperConfig withGossipIntervalMillis(long newIntervalMillis) {
        return new GossiperConfig(clusterName, newIntervalMillis, fanout, seeds, failureDetector);
    }

    public GossiperConfig withFailureDetector(FailureDetectorConfig newFailureDetector) {
        return new GossiperConfig(clusterName, gossipIntervalMillis, fanout, seeds, newFailureDetector);
    }
}
