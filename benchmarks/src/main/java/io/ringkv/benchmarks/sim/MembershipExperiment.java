package io.ringkv.benchmarks.sim;

import io.ringkv.server.membership.FailureDetectorConfig;
import io.ringkv.server.membership.GossiperConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs the membership measurements on one simulated cluster, in an order that lets one warm cluster serve
 * them all: cold start, steady-state bandwidth, false down-markings at each loss rate, then joins and
 * deaths (with no loss). The gossiper, failure detector and wire mapping are the server's own classes with
 * the server's defaults; only the detector window may be smaller (see {@link MembershipSettings}).
 */
public final class MembershipExperiment {

    private static final double MAX_ROUNDS = 600;

    private final MembershipSettings settings;

    public MembershipExperiment(MembershipSettings settings) {
        this.settings = settings;
    }

    public MembershipResult run() {
        long wallStart = System.nanoTime();
        FailureDetectorConfig detector = new FailureDetectorConfig(
                FailureDetectorConfig.DEFAULT_THRESHOLD,
                FailureDetectorConfig.DEFAULT_MIN_STD_DEVIATION_MILLIS,
                FailureDetectorConfig.DEFAULT_ACCEPTABLE_HEARTBEAT_PAUSE_MILLIS,
                FailureDetectorConfig.DEFAULT_FIRST_HEARTBEAT_ESTIMATE_MILLIS,
                settings.maxSampleSize());
        SimulatedGossipCluster cluster = new SimulatedGossipCluster(
                settings.seed(), NetworkConditions.LAN, GossiperConfig.DEFAULT_FANOUT, detector, 3);
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x5eedL);

        cluster.startNodes(settings.nodes());
        double coldStartRounds = rounds(cluster, cluster.runUntil(cluster::allRunningSeeAllRunningUp, MAX_ROUNDS));
        cluster.runRounds(settings.settleRounds());

        double[] bandwidth = measureBandwidth(cluster, random);
        List<MembershipResult.FalseDownResult> falseDowns = measureFalseDowns(cluster);

        List<Double> joinRounds = new ArrayList<>();
        List<Double> joinUpRounds = new ArrayList<>();
        List<Double> deathRounds = new ArrayList<>();
        for (int trial = 0; trial < settings.trials(); trial++) {
            measureJoin(cluster, joinRounds, joinUpRounds);
            cluster.runRounds(settings.settleRounds());
            deathRounds.add(measureDeath(cluster, random));
        }
        return new MembershipResult(
                settings.nodes(),
                coldStartRounds,
                joinRounds,
                joinUpRounds,
                deathRounds,
                bandwidth[0],
                bandwidth[1],
                bandwidth[2],
                falseDowns,
                (System.nanoTime() - wallStart) / 1_000_000);
    }

    /** Returns bytes in+out per node per round, bytes sent per node per round, digests per syn. */
    private double[] measureBandwidth(SimulatedGossipCluster cluster, SplittableRandom random) {
        GossipByteMeter meter = cluster.meter();
        List<String> ids = cluster.nodeIds();
        int wanted = Math.min(settings.meteredNodes(), ids.size());
        while (meter.meteredCount() < wanted) {
            meter.meter(ids.get(random.nextInt(ids.size())));
        }
        meter.reset();
        cluster.runRounds(settings.bandwidthRounds());
        double nodeRounds = (double) meter.meteredCount() * settings.bandwidthRounds();
        double digestsPerSyn = meter.synDigestsSent() / Math.max(1.0, meter.synsSent());
        return new double[] {
            (meter.bytesSent() + meter.bytesReceived()) / nodeRounds, meter.bytesSent() / nodeRounds, digestsPerSyn
        };
    }

    private List<MembershipResult.FalseDownResult> measureFalseDowns(SimulatedGossipCluster cluster) {
        List<MembershipResult.FalseDownResult> results = new ArrayList<>();
        NetworkConditions lossless = cluster.conditions();
        for (double lossRate : settings.lossRates()) {
            cluster.setConditions(lossless.withLossRate(lossRate));
            long downsBefore = cluster.falseDownMarkings();
            long sentBefore = cluster.messagesSent();
            long lostBefore = cluster.messagesLost();
            cluster.scheduler().runFor((long) (settings.falseDownSeconds() * 1e9));
            results.add(new MembershipResult.FalseDownResult(
                    lossRate,
                    settings.falseDownSeconds(),
                    cluster.falseDownMarkings() - downsBefore,
                    cluster.messagesSent() - sentBefore,
                    cluster.messagesLost() - lostBefore));
        }
        cluster.setConditions(lossless);
        // Let anyone convicted under loss come back up before joins and deaths are timed.
        cluster.runUntil(cluster::allRunningSeeAllRunningUp, MAX_ROUNDS);
        return results;
    }

    private void measureJoin(SimulatedGossipCluster cluster, List<Double> joinRounds, List<Double> joinUpRounds) {
        long start = cluster.scheduler().nowNanos();
        String newcomer = cluster.startNode();
        int others = cluster.runningCount() - 1;
        long known = cluster.runUntil(() -> cluster.countKnowing(newcomer) == others, MAX_ROUNDS);
        joinRounds.add(rounds(cluster, known));
        cluster.runUntil(() -> cluster.countSeeingDown(newcomer) == 0, MAX_ROUNDS);
        joinUpRounds.add(rounds(cluster, cluster.scheduler().nowNanos() - start));
    }

    private double measureDeath(SimulatedGossipCluster cluster, SplittableRandom random) {
        List<String> ids = cluster.nodeIds();
        String victim;
        do {
            // Seeds (the first three) are spared so the cluster keeps its bootstrap points.
            victim = ids.get(3 + random.nextInt(ids.size() - 3));
        } while (!cluster.isRunning(victim));
        cluster.kill(victim);
        String dead = victim;
        int observers = cluster.runningCount();
        return rounds(cluster, cluster.runUntil(() -> cluster.countSeeingDown(dead) == observers, MAX_ROUNDS));
    }

    private static double rounds(SimulatedGossipCluster cluster, long nanos) {
        return nanos < 0 ? Double.NaN : (double) nanos / cluster.roundNanos();
    }
}
