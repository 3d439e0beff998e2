package io.ringkv.server.coordinator;

import io.ringkv.ring.RingSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which nodes a request for one partition should talk to: the preference list, which of its nodes
 * this node believes alive, and — for sloppy quorums — the healthy stand-ins that come next on the
 * ring. While a membership transition is pending it also names the <em>pending replicas</em>: nodes the
 * next ring adds to this partition's preference list, which receive every write but do not count toward
 * its quorum. Pure and immutable; built once per request from one ring snapshot.
 */
final class ReplicaPlan {

    private final List<String> preferenceList;
    private final List<String> alivePreferred;
    private final List<String> standInCandidates;
    private final List<String> pendingReplicas;

    private ReplicaPlan(
            List<String> preferenceList,
            List<String> alivePreferred,
            List<String> standInCandidates,
            List<String> pendingReplicas) {
        this.preferenceList = preferenceList;
        this.alivePreferred = alivePreferred;
        this.standInCandidates = standInCandidates;
        this.pendingReplicas = pendingReplicas;
    }

    static ReplicaPlan of(RingSnapshot ring, int partition, ClusterView cluster) {
        return of(ring, cluster.pendingRing(), partition, cluster);
    }

    /**
     * @param pending the ring of a pending transition; ignored unless its version is {@code ring}'s (a
     *     pending ring of another version belongs to an older or newer ring than this request uses)
     */
    static ReplicaPlan of(RingSnapshot ring, RingSnapshot pending, int partition, ClusterView cluster) {
        List<String> preference = ring.preferenceList(partition);
        List<String> alive = preference.stream().filter(cluster::isAlive).toList();
        Set<String> inPreference = new HashSet<>(preference);
        List<String> standIns = new ArrayList<>();
        for (String node : ring.fallbackOrder(partition)) {
            if (!inPreference.contains(node) && cluster.isAlive(node)) {
                standIns.add(node);
            }
        }
        List<String> gaining = new ArrayList<>();
        if (pending != null && pending.version() == ring.version()) {
            for (String node : pending.preferenceList(partition)) {
                if (!inPreference.contains(node)) {
                    gaining.add(node);
                }
            }
        }
        return new ReplicaPlan(preference, alive, List.copyOf(standIns), List.copyOf(gaining));
    }

    /**
     * Nodes that the pending transition adds to this partition's preference list: a write also goes to
     * them (so nothing written while they stream the partition is missed), but their acknowledgements do
     * not count toward W. Empty when no transition is pending.
     */
    List<String> pendingReplicas() {
        return pendingReplicas;
    }

    List<String> preferenceList() {
        return preferenceList;
    }

    List<String> alivePreferred() {
        return alivePreferred;
    }

    /** Healthy nodes outside the preference list, in ring order: the sloppy quorum's stand-ins. */
    List<String> standInCandidates() {
        return standInCandidates;
    }

    /** How many distinct nodes could acknowledge: the live preferred ones, plus stand-ins when sloppy. */
    int reachable(boolean strict) {
        if (strict) {
            return alivePreferred.size();
        }
        int downPreferred = preferenceList.size() - alivePreferred.size();
        return alivePreferred.size() + Math.min(downPreferred, standInCandidates.size());
    }
}
