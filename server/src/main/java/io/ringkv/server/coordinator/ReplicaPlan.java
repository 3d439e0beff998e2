package io.ringkv.server.coordinator;

import io.ringkv.ring.RingSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which nodes a request for one partition should talk to: the preference list, which of its nodes
 * this node believes alive, and — for sloppy quorums — the healthy stand-ins that come next on the
 * ring. Pure and immutable; built once per request from one ring snapshot.
 */
final class ReplicaPlan {

    private final List<String> preferenceList;
    private final List<String> alivePreferred;
    private final List<String> standInCandidates;

    private ReplicaPlan(List<String> preferenceList, List<String> alivePreferred, List<String> standInCandidates) {
        this.preferenceList = preferenceList;
        this.alivePreferred = alivePreferred;
        this.standInCandidates = standInCandidates;
    }

    static ReplicaPlan of(RingSnapshot ring, int partition, ClusterView cluster) {
        List<String> preference = ring.preferenceList(partition);
        List<String> alive = preference.stream().filter(cluster::isAlive).toList();
        Set<String> inPreference = new HashSet<>(preference);
        List<String> standIns = new ArrayList<>();
        for (String node : ring.fallbackOrder(partition)) {
            if (!inPreference.contains(node) && cluster.isAlive(node)) {
                standIns.add(node);
            }
        }
        return new ReplicaPlan(preference, alive, List.copyOf(standIns));
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
