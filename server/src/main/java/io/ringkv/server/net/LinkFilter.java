package io.ringkv.server.net;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drops this node's internode traffic to chosen peers, silently, like a network partition: requests
 * to a blocked peer are never sent and time out, and requests from it are never answered. The
 * consistency suite switches it through an admin call where it cannot install packet filters; a
 * partition between A and B blocks B on A and A on B.
 */
public final class LinkFilter {

    private final Set<String> blockedPeers = ConcurrentHashMap.newKeySet();

    public boolean allows(String peerNodeId) {
        return blockedPeers.isEmpty() || !blockedPeers.contains(peerNodeId);
    }

    public void block(Set<String> peerNodeIds) {
        blockedPeers.addAll(peerNodeIds);
    }

    public void heal() {
        blockedPeers.clear();
    }

    public Set<String> blocked() {
        return Set.copyOf(blockedPeers);
    }
}
