package io.ringkv.benchmarks.sim;

import java.util.List;

/**
 * What one {@link MembershipExperiment} run simulates and measures.
 *
 * @param nodes cluster size
 * @param seed seed of every random choice
 * @param maxSampleSize failure detector window per watched peer (the server default is 1,000; large
 *     simulations hold n² windows and use fewer, see {@code docs/membership.md})
 * @param meteredNodes how many nodes' traffic is encoded and counted for the bandwidth figures
 * @param bandwidthRounds rounds of steady state over which bytes are counted
 * @param falseDownSeconds virtual seconds each loss rate runs while false down-markings are counted
 * @param lossRates loss rates to run, in order
 * @param trials joins and deaths measured, one after the other
 * @param settleRounds rounds run after convergence (and between a join and a death) so detector windows
 *     hold real heartbeat intervals rather than the first-heartbeat estimate
 */
public record MembershipSettings(
        int nodes,
        long seed,
        int maxSampleSize,
        int meteredNodes,
        int bandwidthRounds,
        double falseDownSeconds,
        List<Double> lossRates,
        int trials,
        int settleRounds) {

    public MembershipSettings {
        lossRates = List.copyOf(lossRates);
        if (nodes < 4
                || maxSampleSize < 2
                || meteredNodes < 1
                || bandwidthRounds < 1
                || trials < 1
                || settleRounds < 0) {
            throw new IllegalArgumentException(
                    "need nodes >= 4, maxSampleSize >= 2, meteredNodes, bandwidthRounds" + " and trials >= 1");
        }
        if (falseDownSeconds < 0) {
            throw new IllegalArgumentException("falseDownSeconds must be >= 0, was " + falseDownSeconds);
        }
    }
}
