package io.ringkv.benchmarks.sim;

import io.ringkv.server.membership.GossipDigest;
import io.ringkv.server.membership.Syn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns the experiments' results into the markdown tables of {@code docs/scaling.md}. */
final class ScalingReport {

    private ScalingReport() {}

    static String propagation(List<MembershipResult> results) {
        MarkdownTable table = new MarkdownTable(
                "nodes",
                "log₃ n",
                "cold start: all see all up",
                "join: all hold its state (mean / max)",
                "join: all see it up (mean)",
                "death: all mark it down (mean / max)",
                "death, seconds (mean)",
                "trials");
        for (MembershipResult result : results) {
            table.row(
                    result.nodes(),
                    format(Math.log(result.nodes()) / Math.log(3)),
                    format(result.coldStartRounds()),
                    format(MembershipResult.mean(result.joinRounds())) + " / "
                            + format(MembershipResult.max(result.joinRounds())),
                    format(MembershipResult.mean(result.joinUpRounds())),
                    format(MembershipResult.mean(result.deathRounds())) + " / "
                            + format(MembershipResult.max(result.deathRounds())),
                    format(MembershipResult.mean(result.deathRounds()) * 0.2),
                    result.joinRounds().size());
        }
        return table.toString();
    }

    static String modelled(List<ModelledPropagation> results) {
        MarkdownTable table = new MarkdownTable(
                "nodes",
                "log₃ n",
                "join: all hold its state (mean / max)",
                "death: all mark it down (mean / max)",
                "death, seconds (mean)",
                "trials");
        for (ModelledPropagation result : results) {
            table.row(
                    result.nodes(),
                    format(Math.log(result.nodes()) / Math.log(3)),
                    format(MembershipResult.mean(result.joinRounds())) + " / "
                            + format(MembershipResult.max(result.joinRounds())),
                    format(MembershipResult.mean(result.deathRounds())) + " / "
                            + format(MembershipResult.max(result.deathRounds())),
                    format(MembershipResult.mean(result.deathRounds()) * 0.2),
                    result.joinRounds().size());
        }
        return table.toString();
    }

    /**
     * One measured row per size: bytes per node per round in steady state, the digests per syn, and the
     * exact encoded sizes of a steady-state syn (sender and target only) and of a full syn at that size (the
     * repair exchange, sent only when two views differ outside the rumors).
     */
    static String bandwidth(List<MembershipResult> results) {
        WireSizer sizer = new WireSizer();
        MarkdownTable table = new MarkdownTable(
                "nodes",
                "bytes per node per round, sent + received",
                "sent",
                "sent per node per second",
                "digests per syn",
                "one steady-state syn (exact)",
                "one full syn (exact, repair only)");
        for (MembershipResult result : results) {
            table.row(
                    result.nodes(),
                    bytes(result.bytesPerNodePerRound()),
                    bytes(result.bytesSentPerNodePerRound()),
                    bytes(result.bytesSentPerNodePerRound() * 5) + "/s",
                    format(result.digestsPerSyn()),
                    bytes(sizer.frameBytes(syn(2, false))),
                    bytes(sizer.frameBytes(syn(result.nodes(), true))));
        }
        return table.toString();
    }

    /** A syn listing {@code digests} endpoints with realistic generations and versions. */
    static Syn syn(int digests, boolean full) {
        List<GossipDigest> list = new ArrayList<>(digests);
        for (int index = 0; index < digests; index++) {
            list.add(new GossipDigest(SimulatedGossipCluster.nodeIdOf(index), 1_764_000_000_000L + index, 10 + index));
        }
        return new Syn(
                SimulatedGossipCluster.nodeIdOf(0),
                SimulatedGossipCluster.CLUSTER_NAME,
                100_000,
                full,
                0x5eed_cafe_f00dL,
                list,
                12,
                "node-00001");
    }

    static String falseDowns(List<MembershipResult> results) {
        MarkdownTable table = new MarkdownTable(
                "nodes", "message loss", "virtual seconds", "messages", "lost", "false down-markings");
        for (MembershipResult result : results) {
            for (MembershipResult.FalseDownResult row : result.falseDowns()) {
                table.row(
                        result.nodes(),
                        String.format(Locale.ROOT, "%.0f%%", row.lossRate() * 100),
                        format(row.virtualSeconds()),
                        String.format(Locale.ROOT, "%,d", row.messagesSent()),
                        String.format(Locale.ROOT, "%,d", row.messagesLost()),
                        row.falseDowns());
            }
        }
        return table.toString();
    }

    static String dataMovement(List<DataMovementResult> results) {
        MarkdownTable table = new MarkdownTable(
                "nodes before",
                "Q",
                "owners changed",
                "preference lists changed",
                "replica data moved",
                "ideal 1/(n+1)",
                "moved / ideal",
                "newcomer's share",
                "moved of 1 TB × N=3");
        for (DataMovementResult result : results) {
            double movedBytes = result.replicaCopiesMovedFraction() * 3e12;
            table.row(
                    result.nodes(),
                    result.partitions(),
                    percent(result.ownerChangedFraction()),
                    percent(result.preferenceListChangedFraction()),
                    percent(result.replicaCopiesMovedFraction()),
                    percent(result.idealFraction()),
                    format(result.movedOverIdeal()),
                    percent(result.newcomerShare()),
                    bytes(movedBytes));
        }
        return table.toString();
    }

    static String merkle(List<MerkleExperiment.Row> rows) {
        MarkdownTable table = new MarkdownTable(
                "keys",
                "tree",
                "leaves / partition",
                "keys / leaf",
                "k divergent",
                "roots (fixed)",
                "descent",
                "leaf lists",
                "total",
                "beyond roots per divergent key",
                "keys found different");
        for (MerkleExperiment.Row row : rows) {
            MerkleExchangeResult result = row.result();
            table.row(
                    String.format(Locale.ROOT, "10^%d", Math.round(Math.log10(row.keys()))),
                    row.modelled() ? "model" : "real",
                    row.shape().leavesPerPartition(),
                    format(row.keysPerLeaf()),
                    row.divergent(),
                    bytes(result.rootBytes()),
                    bytes(result.descentBytes()),
                    bytes(result.leafBytes()),
                    bytes(result.totalBytes()),
                    bytes((double) result.bytesBeyondRoots() / Math.max(1, row.divergent())),
                    result.differingKeys());
        }
        return table.toString();
    }

    static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.3f%%", fraction * 100);
    }

    static String bytes(double bytes) {
        if (bytes >= 1e9) {
            return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
        }
        if (bytes >= 1e6) {
            return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
        }
        if (bytes >= 1e4) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f B", bytes);
    }
}
