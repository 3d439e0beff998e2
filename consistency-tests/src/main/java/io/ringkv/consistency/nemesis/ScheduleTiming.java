package io.ringkv.consistency.nemesis;

/**
 * How long faults last and how long the cluster stays healthy between them; each actual length is drawn
 * uniformly between the bounds.
 *
 * @param initialQuietMillis healthy time before the first fault, so the workload starts on a whole cluster
 * @param minFaultMillis shortest fault
 * @param maxFaultMillis longest fault
 * @param minQuietMillis shortest healthy gap between faults
 * @param maxQuietMillis longest healthy gap between faults
 */
public record ScheduleTiming(
        long initialQuietMillis, long minFaultMillis, long maxFaultMillis, long minQuietMillis, long maxQuietMillis) {

    /**
     * Faults of 3–6 s (long enough for the failure detector to convict a node, about 2–3 s with 100 ms
     * gossip, so sloppy quorums and hinted handoff come into play), 2–4 s apart.
     */
    public static final ScheduleTiming DEFAULT = new ScheduleTiming(2_000, 3_000, 6_000, 2_000, 4_000);

    public ScheduleTiming {
        if (initialQuietMillis < 0
                || minFaultMillis <= 0
                || maxFaultMillis < minFaultMillis
                || minQuietMillis < 0
                || maxQuietMillis < minQuietMillis) {
            throw new IllegalArgumentException("invalid schedule timing " + initialQuietMillis + ", " + minFaultMillis
                    + ".." + maxFaultMillis + ", " + minQuietMillis + ".." + maxQuietMillis);
        }
    }
}
