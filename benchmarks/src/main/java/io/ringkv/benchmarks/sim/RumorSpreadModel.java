package io.ringkv.benchmarks.sim;

import io.ringkv.server.membership.FailureDetectorConfig;
import java.util.SplittableRandom;

/**
 * The compact mode for clusters too large to hold n real gossipers (each of which keeps state and a detector
 * window for every peer, so memory and work per round grow with n²): only one bit per node is simulated,
 * whether it holds a given version of one endpoint's state, while the exchanges follow the real protocol's
 * pattern: every node runs a round every interval (random phase, jitter), starts a push-pull exchange with
 * {@code fanout} distinct random peers, and the version moves from syn receiver to initiator in the ack and
 * from initiator to receiver in the ack2, each message delayed and lost as the {@link NetworkConditions} say.
 * A newcomer's first round contacts one seed, as the real {@code PeerSelector} does when it knows no live
 * peer. A death is detected by an observer once the silence since the victim's last heartbeat reached it
 * exceeds the detector's conviction delay ({@link FailureDetectorConfig#convictionDelayMillis} for one
 * heartbeat per interval and the deviation floor), at the observer's next round.
 *
 * <p>This is a model, not the server's code: {@link ScaleSimulationMain} runs it next to the real gossipers
 * at sizes both can handle so the two can be compared. O(n) work per round. Single-threaded.
 */
public final class RumorSpreadModel {

    private static final int SEEDS = 3;

    private static final long MAX_ROUNDS = 600;

    private final int nodes;
    private final NetworkConditions conditions;
    private final int fanout;
    private final long intervalNanos;
    private final long convictionDelayNanos;
    private final SplittableRandom random;

    public RumorSpreadModel(
            int nodes,
            long seed,
            NetworkConditions conditions,
            int fanout,
            long intervalNanos,
            FailureDetectorConfig failureDetector) {
        if (nodes < SEEDS + 2) {
            throw new IllegalArgumentException("need at least " + (SEEDS + 2) + " nodes, was " + nodes);
        }
        this.nodes = nodes;
        this.conditions = conditions;
        this.fanout = fanout;
        this.intervalNanos = intervalNanos;
        double intervalMillis = intervalNanos / 1e6;
        this.convictionDelayNanos = (long) (failureDetector.convictionDelayMillis(intervalMillis, 0) * 1e6);
        this.random = new SplittableRandom(seed);
    }

    /** Rounds from a newcomer's start until every one of the {@code nodes} others holds its state. */
    public double joinRounds() {
        Run run = new Run(nodes + 1);
        int newcomer = nodes;
        run.learn(newcomer);
        for (int node = 0; node < nodes; node++) {
            run.scheduleRound(node, random.nextLong(intervalNanos));
        }
        run.scheduleNewcomer(newcomer, random.nextLong(intervalNanos));
        long deadline = MAX_ROUNDS * intervalNanos;
        while (run.informed < nodes + 1 && run.scheduler.nowNanos() < deadline) {
            run.scheduler.runFor(intervalNanos / 20);
        }
        return run.informed < nodes + 1 ? Double.NaN : (double) run.lastLearnedNanos / intervalNanos;
    }

    /**
     * Rounds from a kill until every other node has convicted the victim. The victim's final round (its
     * last heartbeat) happens at time 0 and completes; it dies a random fraction of an interval later,
     * before its next round, having answered syns until then. Each observer convicts at its first round at
     * least the conviction delay after that last heartbeat reached it.
     */
    public double deathRounds() {
        Run run = new Run(nodes);
        int victim = SEEDS + random.nextInt(nodes - SEEDS);
        run.victim = victim;
        run.learn(victim);
        run.exchangeFrom(victim);
        for (int node = 0; node < nodes; node++) {
            if (node != victim) {
                run.scheduleRound(node, random.nextLong(intervalNanos));
            }
        }
        long deathNanos = random.nextLong(intervalNanos);
        run.scheduler.schedule(deathNanos, () -> run.dead = victim);
        long deadline = MAX_ROUNDS * intervalNanos;
        while (run.convicted < nodes - 1 && run.scheduler.nowNanos() < deadline) {
            run.scheduler.runFor(intervalNanos / 20);
        }
        return run.convicted < nodes - 1 ? Double.NaN : (double) (run.lastConvictionNanos - deathNanos) / intervalNanos;
    }

    /** One spread of one version through the cluster. */
    private final class Run {

        private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler();
        private final long[] learnedAtNanos;
        private final boolean[] hasConvicted;
        private final int size;
        private int informed;
        private int convicted;
        private int victim = -1;
        private int dead = -1;
        private long lastLearnedNanos;
        private long lastConvictionNanos;

        Run(int size) {
            this.size = size;
            this.learnedAtNanos = new long[size];
            this.hasConvicted = new boolean[size];
            java.util.Arrays.fill(learnedAtNanos, -1);
        }

        boolean knows(int node) {
            return learnedAtNanos[node] >= 0;
        }

        void learn(int node) {
            if (!knows(node)) {
                learnedAtNanos[node] = scheduler.nowNanos();
                lastLearnedNanos = scheduler.nowNanos();
                informed++;
            }
        }

        void scheduleRound(int node, long delayNanos) {
            scheduler.schedule(delayNanos, () -> {
                if (victim >= 0
                        && !hasConvicted[node]
                        && knows(node)
                        && scheduler.nowNanos() - learnedAtNanos[node] >= convictionDelayNanos) {
                    hasConvicted[node] = true;
                    convicted++;
                    lastConvictionNanos = scheduler.nowNanos();
                }
                exchangeFrom(node);
                scheduleRound(node, intervalNanos + jitterNanos());
            });
        }

        void scheduleNewcomer(int newcomer, long delayNanos) {
            scheduler.schedule(delayNanos, () -> {
                // Knowing no live peer yet, a newcomer's first round contacts one seed only.
                exchange(newcomer, random.nextInt(SEEDS));
                scheduleRound(newcomer, intervalNanos + jitterNanos());
            });
        }

        /** Exchanges with {@code fanout} distinct random peers among the original nodes. */
        void exchangeFrom(int node) {
            int population = Math.min(size, nodes);
            int first = -1;
            for (int chosen = 0; chosen < fanout; chosen++) {
                int peer;
                do {
                    peer = random.nextInt(population);
                } while (peer == node || peer == first);
                first = peer;
                exchange(node, peer);
            }
        }

        /** One push-pull exchange: syn, then ack (receiver → initiator), then ack2 (initiator → receiver). */
        void exchange(int initiator, int receiver) {
            boolean initiatorKnew = knows(initiator);
            deliver(() -> {
                if (receiver == dead) {
                    return;
                }
                boolean receiverKnew = knows(receiver);
                deliver(() -> {
                    if (receiverKnew) {
                        learn(initiator);
                    }
                    if (initiatorKnew && !receiverKnew) {
                        deliver(() -> learn(receiver));
                    }
                });
            });
        }

        private void deliver(Runnable delivery) {
            if (conditions.lossRate() > 0 && random.nextDouble() < conditions.lossRate()) {
                return;
            }
            long delayMicros = random.nextLong(conditions.minDelayMicros(), conditions.maxDelayMicros() + 1);
            scheduler.schedule(delayMicros * 1000, delivery);
        }

        private long jitterNanos() {
            long jitterMicros = conditions.roundJitterMicros();
            return jitterMicros == 0 ? 0 : random.nextLong(-jitterMicros, jitterMicros + 1) * 1000;
        }
    }
}
