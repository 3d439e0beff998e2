package io.ringkv.consistency.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partitions through each node's own link filter, for machines where packet filters cannot be
 * installed: every node is told, by an admin call, which peers to stop sending internode traffic to.
 * Since a grudge is symmetric, both ends of a cut link stop sending, which cuts it both ways. Client
 * traffic is never filtered.
 */
public final class LinkFilterPartitioner implements NetworkPartitioner {

    private static final Logger LOG = LoggerFactory.getLogger(LinkFilterPartitioner.class);

    private final List<String> nodes;
    private final LinkFilterControl control;

    /**
     * @param nodes every node of the cluster: each is told its full set of blocked peers (empty heals it)
     */
    public LinkFilterPartitioner(List<String> nodes, LinkFilterControl control) {
        this.nodes = List.copyOf(nodes);
        this.control = control;
    }

    @Override
    public String mechanism() {
        return "link-filter";
    }

    @Override
    public void partition(Grudge grudge) {
        apply(grudge);
    }

    @Override
    public void heal() {
        apply(new Grudge(Map.of()));
    }

    @Override
    public void close() {
        try {
            heal();
        } catch (IllegalStateException failure) {
            LOG.error("could not heal every link filter: {}", failure.getMessage());
        }
    }

    /** Tells every node its blocked peers; tries all of them before reporting the ones that failed. */
    private void apply(Grudge grudge) {
        List<String> failures = new ArrayList<>();
        for (String node : nodes) {
            Set<String> blocked = grudge.cutFrom(node);
            try {
                control.block(node, blocked);
            } catch (IllegalStateException failure) {
                failures.add(node + ": " + failure.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("link filter not set on " + failures);
        }
    }

    /** Sets one node's link filter. */
    @FunctionalInterface
    public interface LinkFilterControl {

        /**
         * Makes {@code node} drop its outgoing internode traffic to exactly {@code peers}.
         *
         * @throws IllegalStateException when the node cannot be told
         */
        void block(String node, Set<String> peers);
    }
}
