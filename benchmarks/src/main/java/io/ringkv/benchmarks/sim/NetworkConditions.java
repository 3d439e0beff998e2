package io.ringkv.benchmarks.sim;

/**
 * How the simulated network behaves: each message is delayed by a uniform draw from
 * {@code [minDelayMicros, maxDelayMicros]} and lost independently with probability {@code lossRate}; a syn
 * whose ack does not arrive within {@code synTimeoutMillis} fails the exchange; each node's gossip rounds
 * drift by up to {@code ±roundJitterMicros} so that rounds of different nodes do not stay in lock step.
 *
 * @param minDelayMicros smallest one-way delay
 * @param maxDelayMicros largest one-way delay
 * @param lossRate probability that one message is lost, 0..1
 * @param synTimeoutMillis how long an initiator waits for the ack
 * @param roundJitterMicros bound of the random drift added to each gossip interval
 */
public record NetworkConditions(
        long minDelayMicros, long maxDelayMicros, double lossRate, long synTimeoutMillis, long roundJitterMicros) {

    /** A data-centre network: 0.2–3 ms per message, no loss, 1 s syn timeout, ±2 ms round jitter. */
    public static final NetworkConditions LAN = new NetworkConditions(200, 3_000, 0.0, 1_000, 2_000);

    public NetworkConditions {
        if (minDelayMicros < 0 || maxDelayMicros < minDelayMicros) {
            throw new IllegalArgumentException(
                    "need 0 <= minDelayMicros <= maxDelayMicros, were " + minDelayMicros + ", " + maxDelayMicros);
        }
        if (!(lossRate >= 0.0 && lossRate <= 1.0)) {
            throw new IllegalArgumentException("lossRate must be within 0..1, was " + lossRate);
        }
        if (synTimeoutMillis < 1 || roundJitterMicros < 0) {
            throw new IllegalArgumentException("synTimeoutMillis must be >= 1 and roundJitterMicros >= 0");
        }
    }

    public NetworkConditions withLossRate(double newLossRate) {
        return new NetworkConditions(minDelayMicros, maxDelayMicros, newLossRate, synTimeoutMillis, roundJitterMicros);
    }
}
