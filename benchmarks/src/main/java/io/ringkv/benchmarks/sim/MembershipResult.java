package io.ringkv.benchmarks.sim;

import java.util.List;

/**
 * What a {@link MembershipExperiment} measured for one cluster size. Rounds are virtual time divided by the
 * gossip interval (200 ms).
 *
 * @param nodes cluster size
 * @param coldStartRounds from all nodes starting at once until every node sees every node up
 * @param joinRounds per trial: from a new node's start until every running node holds its state
 * @param joinUpRounds per trial: from a new node's start until every running node considers it up
 * @param deathRounds per trial: from a kill until every running node considers the victim down
 * @param bytesPerNodePerRound mean bytes a node sends plus receives per round in steady state
 * @param bytesSentPerNodePerRound mean bytes a node sends per round in steady state
 * @param digestsPerSyn mean digests per syn in steady state
 * @param falseDowns one entry per loss rate
 * @param wallMillis real time the whole run took
 */
public record MembershipResult(
        int nodes,
        double coldStartRounds,
        List<Double> joinRounds,
        List<Double> joinUpRounds,
        List<Double> deathRounds,
        double bytesPerNodePerRound,
        double bytesSentPerNodePerRound,
        double digestsPerSyn,
        List<FalseDownResult> falseDowns,
        long wallMillis) {

    public MembershipResult {
        joinRounds = List.copyOf(joinRounds);
        joinUpRounds = List.copyOf(joinUpRounds);
        deathRounds = List.copyOf(deathRounds);
        falseDowns = List.copyOf(falseDowns);
    }

    /**
     * False down-markings at one loss rate.
     *
     * @param lossRate probability a message was lost
     * @param virtualSeconds how long the cluster ran at that rate
     * @param falseDowns down-markings of running nodes (summed over all observers)
     * @param messagesSent messages put on the wire in that time
     * @param messagesLost of which lost
     */
    public record FalseDownResult(
            double lossRate, double virtualSeconds, long falseDowns, long messagesSent, long messagesLost) {}

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
