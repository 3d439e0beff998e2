package io.ringkv.client.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Like {@link DefaultRoutingPolicy}, but a read goes to the replica with the lowest recent latency when
 * it is clearly faster than the first usable one: its latency times {@code toleranceRatio} must still be
 * below the first one's. The tolerance keeps reads from flapping between replicas of similar speed.
 * Writes always follow the preference list. Replicas without a latency sample yet are treated as fast,
 * so they get measured.
 */
public final class LatencyAwareRoutingPolicy implements RoutingPolicy {

    private final double toleranceRatio;

    /** @param toleranceRatio at least 1; e.g. 1.5 moves reads only to a replica 1.5 times faster */
    public LatencyAwareRoutingPolicy(double toleranceRatio) {
        if (!(toleranceRatio >= 1.0) || Double.isInfinite(toleranceRatio)) {
            throw new IllegalArgumentException("toleranceRatio must be a finite number >= 1, was " + toleranceRatio);
        }
        this.toleranceRatio = toleranceRatio;
    }

    /** A policy with tolerance ratio 1.5. */
    public LatencyAwareRoutingPolicy() {
        this(1.5);
    }

    @Override
    public List<String> plan(RequestKind kind, List<String> preferenceList, ReplicaHealth health) {
        List<String> order = DefaultRoutingPolicy.usableFirst(preferenceList, health);
        if (kind != RequestKind.READ || order.size() < 2 || !health.isUsable(order.get(0))) {
            return order;
        }
        int fastest = 0;
        long fastestNanos = Math.max(0, health.latencyNanos(order.get(0)));
        for (int i = 1; i < order.size() && health.isUsable(order.get(i)); i++) {
            long nanos = Math.max(0, health.latencyNanos(order.get(i)));
            if (nanos * toleranceRatio < fastestNanos) {
                fastest = i;
                fastestNanos = nanos;
            }
        }
        if (fastest == 0) {
            return order;
        }
        List<String> reordered = new ArrayList<>(order.size());
        reordered.add(order.get(fastest));
        for (int i = 0; i < order.size(); i++) {
            if (i != fastest) {
                reordered.add(order.get(i));
            }
        }
        return reordered;
    }
}
