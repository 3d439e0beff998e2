package io.ringkv.client.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * The default {@link RoutingPolicy}: usable replicas in preference-list order, then the unusable ones
 * in the same order. Every request for a key goes to the same coordinator while it is healthy, which
 * keeps its replicas' caches warm and spreads load as evenly as partition ownership does.
 */
public final class DefaultRoutingPolicy implements RoutingPolicy {

    public static final DefaultRoutingPolicy INSTANCE = new DefaultRoutingPolicy();

    @Override
    public List<String> plan(RequestKind kind, List<String> preferenceList, ReplicaHealth health) {
        return usableFirst(preferenceList, health);
    }

    /** The preference list reordered so that usable nodes come first; each group keeps its order. */
    static List<String> usableFirst(List<String> preferenceList, ReplicaHealth health) {
        boolean allUsable = true;
        for (String node : preferenceList) {
            if (!health.isUsable(node)) {
                allUsable = false;
                break;
            }
        }
        if (allUsable) {
            return preferenceList;
        }
        List<String> order = new ArrayList<>(preferenceList.size());
        for (String node : preferenceList) {
            if (health.isUsable(node)) {
                order.add(node);
            }
        }
        for (String node : preferenceList) {
            if (!health.isUsable(node)) {
                order.add(node);
            }
        }
        return order;
    }
}
