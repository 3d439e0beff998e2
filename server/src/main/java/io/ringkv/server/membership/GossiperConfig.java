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
 * @param fanout random live peers contacted per round (default 2), besides the monitoring successors, plus
 *     now and then one unreachable peer and one seed
 * @param monitors how many successors (and as many predecessors) on the monitoring ring watch each node
 *     directly (default 3); clusters of up to {@code 2·monitors + 1} nodes are watched all to all
 * @param seeds binary addresses of a few nodes used to bootstrap (and to heal split views); a node may
 *     list itself, which is ignored
 * @param failureDetector failure detector settings
 */
public record GossiperConfig(
        String clusterName,
        long gossipIntervalMillis,
        int fanout,
        int monitors,
        List<PeerAddress> seeds,
        FailureDetectorConfig failureDetector) {

    public static final long DEFAULT_GOSSIP_INTERVAL_MILLIS = 200;
    public static final int DEFAULT_FANOUT = 2;
    public static final int DEFAULT_MONITORS = 3;

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
        if (monitors < 1 || monitors > 16) {
            problems.add("monitors must be within 1..16, was " + monitors);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid gossip settings: " + String.join("; ", problems));
        }
    }

    /** The defaults (200 ms, fanout 2, 3 monitors, default failure detector) for a cluster and its seeds. */
    public static GossiperConfig defaults(String clusterName, List<PeerAddress> seeds) {
        return new GossiperConfig(
                clusterName,
                DEFAULT_GOSSIP_INTERVAL_MILLIS,
                DEFAULT_FANOUT,
                DEFAULT_MONITORS,
                seeds,
                FailureDetectorConfig.DEFAULTS);
    }

    public long gossipIntervalNanos() {
        return gossipIntervalMillis * 1_000_000L;
    }

    public GossiperConfig withFanout(int newFanout) {
        return new GossiperConfig(clusterName, gossipIntervalMillis, newFanout, monitors, seeds, failureDetector);
    }

    public GossiperConfig withGossipIntervalMillis(long newIntervalMillis) {
        return new GossiperConfig(clusterName, newIntervalMillis, fanout, monitors, seeds, failureDetector);
    }

    public GossiperConfig withMonitors(int newMonitors) {
        return new GossiperConfig(clusterName, gossipIntervalMillis, fanout, newMonitors, seeds, failureDetector);
    }

    public GossiperConfig withFailureDetector(FailureDetectorConfig newFailureDetector) {
        return new GossiperConfig(clusterName, gossipIntervalMillis, fanout, monitors, seeds, newFailureDetector);
    }
}
