package io.ringkv.client.config;

import java.time.Duration;

/**
 * How the client keeps its ring view current. Validated on construction.
 *
 * @param refreshInterval how often the ring snapshot is fetched again even when no reply hinted at a
 *     change (it also refreshes the nodes' liveness). Default 5 s
 * @param minRefreshGap the shortest time between two fetches triggered by replies carrying a newer ring
 *     version, so that a node that keeps announcing a version it cannot serve does not cause a storm.
 *     Default 100 ms
 * @param bootstrapTimeout how long {@code build()} waits for the first snapshot. Default 10 s
 */
public record TopologyConfig(Duration refreshInterval, Duration minRefreshGap, Duration bootstrapTimeout) {

    public static final TopologyConfig DEFAULT =
            new TopologyConfig(Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(10));

    public TopologyConfig {
        ConfigChecks.checkPositive("refreshInterval", refreshInterval);
        ConfigChecks.checkPositive("minRefreshGap", minRefreshGap);
        ConfigChecks.checkPositive("bootstrapTimeout", bootstrapTimeout);
    }

    public TopologyConfig withRefreshInterval(Duration value) {
        return new TopologyConfig(value, minRefreshGap, bootstrapTimeout);
    }

    public TopologyConfig withMinRefreshGap(Duration value) {
        return new TopologyConfig(refreshInterval, value, bootstrapTimeout);
    }

    public TopologyConfig withBootstrapTimeout(Duration value) {
        return new TopologyConfig(refreshInterval, minRefreshGap, value);
    }
}
