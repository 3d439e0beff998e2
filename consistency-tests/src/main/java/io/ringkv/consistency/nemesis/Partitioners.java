package io.ringkv.consistency.nemesis;

import io.ringkv.consistency.cluster.LocalCluster;
import io.ringkv.consistency.cluster.NodeSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Chooses how a run makes partitions: nftables where it works, else the nodes' link filter. */
public final class Partitioners {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(3);

    private Partitioners() {}

    /** What the command line may ask for. */
    public enum Choice {
        /** nftables when the probe succeeds, else the link filter. */
        AUTO,
        NFTABLES,
        LINK_FILTER;

        /** Parses {@code auto}, {@code nftables}, {@code link-filter}. */
        public static Choice parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /**
     * The partitioner for {@code cluster}.
     *
     * @throws IllegalStateException when nftables is asked for explicitly and does not work here
     */
    public static NetworkPartitioner forCluster(LocalCluster cluster, Choice choice, CommandRunner commands) {
        boolean nftables = switch (choice) {
            case LINK_FILTER -> false;
            case AUTO -> NftablesPartitioner.isAvailable(commands);
            case NFTABLES -> {
                if (!NftablesPartitioner.isAvailable(commands)) {
                    throw new IllegalStateException(
                            "nftables was asked for but cannot create a table here (needs root and nft)");
                }
                yield true;
            }
        };
        if (nftables) {
            return new NftablesPartitioner(commands, addresses(cluster));
        }
        return new LinkFilterPartitioner(cluster.nodeIds(), new AdminLinkFilter(cluster, ADMIN_TIMEOUT));
    }

    private static Map<String, String> addresses(LocalCluster cluster) {
        Map<String, String> addresses = new LinkedHashMap<>();
        for (NodeSpec node : cluster.nodes()) {
            addresses.put(node.id(), node.host());
        }
        return addresses;
    }
}
