package io.ringkv.causal;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which actors {@link SiblingSets#prune} may forget: every incarnation of a node that left the cluster
 * long ago, and incarnations of live nodes older than their current one (a node never writes again
 * under an incarnation it has restarted out of).
 *
 * <p>The membership layer decides when a departed node has been gone long enough (all its hints
 * replayed, its ranges streamed and repaired) to be listed in {@code departedNodeIds}. A node missing
 * from both collections is never considered retired, so an unknown node's entries are kept.
 *
 * @param departedNodeIds nodes that left long ago; all their incarnations are retired
 * @param currentIncarnations the current incarnation of each live node; older incarnations are retired
 */
public record PruningPolicy(Set<String> departedNodeIds, Map<String, Long> currentIncarnations)
        implements Predicate<ActorId> {

    public PruningPolicy {
        departedNodeIds = Set.copyOf(Objects.requireNonNull(departedNodeIds, "departedNodeIds"));
        currentIncarnations = Map.copyOf(Objects.requireNonNull(currentIncarnations, "currentIncarnations"));
    }

    /** True when {@code actor} will never coordinate a write again and its context entry may go. */
    @Override
    public boolean test(ActorId actor) {
        if (departedNodeIds.contains(actor.nodeId())) {
            return true;
        }
        Long current = currentIncarnations.get(actor.nodeId());
        return current != null && actor.incarnation() < current;
    }
}
