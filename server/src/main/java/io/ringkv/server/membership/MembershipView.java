package io.ringkv.server.membership;

import io.ringkv.ring.NodeInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of one node's view of the cluster: every known endpoint's gossiped state with this
 * node's own opinion of its liveness, and the ring register. Built by {@link Gossiper#view()} on the
 * topology thread and safe to publish to any thread; the ring builder, the admin status and the client
 * ring snapshot read it.
 *
 * @param localNodeId the node whose view this is (its own member is always alive with phi 0)
 * @param builtAtNanos monotonic time the snapshot was taken
 * @param members members by node id, iterated in node-id order
 * @param ring the ring register at that time
 */
public record MembershipView(String localNodeId, long builtAtNanos, Map<String, Member> members, RingRegister ring) {

    /**
     * One endpoint as seen by this node.
     *
     * @param state the latest gossiped state
     * @param alive whether this node's failure detector considers it up (a node only heard of, with no
     *     newer heartbeat since, is not yet alive)
     * @param phi its current suspicion level ({@link Double#POSITIVE_INFINITY} possible; 0 for the local node)
     */
    public record Member(EndpointState state, boolean alive, double phi) {

        public Member {
            Objects.requireNonNull(state, "state");
        }

        public String nodeId() {
            return state.nodeId();
        }

        /** The member as a ring-snapshot node entry. */
        public NodeInfo toNodeInfo() {
            return new NodeInfo(
                    state.nodeId(),
                    state.host(),
                    state.binaryPort(),
                    state.httpPort(),
                    state.rack(),
                    state.status(),
                    alive);
        }
    }

    public MembershipView {
        Objects.requireNonNull(localNodeId, "localNodeId");
        members = Collections.unmodifiableMap(new TreeMap<>(members));
        Objects.requireNonNull(ring, "ring");
    }

    /** Builds a view from members in any order. */
    static MembershipView of(String localNodeId, long builtAtNanos, Collection<Member> members, RingRegister ring) {
        Map<String, Member> byId = new TreeMap<>();
        for (Member member : members) {
            byId.put(member.nodeId(), member);
        }
        return new MembershipView(localNodeId, builtAtNanos, byId, ring);
    }

    public Optional<Member> member(String nodeId) {
        return Optional.ofNullable(members.get(nodeId));
    }

    public boolean isAlive(String nodeId) {
        Member member = members.get(nodeId);
        return member != null && member.alive();
    }

    /** Ids of the members considered alive, in node-id order. */
    public List<String> liveNodeIds() {
        List<String> live = new ArrayList<>();
        for (Member member : members.values()) {
            if (member.alive()) {
                live.add(member.nodeId());
            }
        }
        return live;
    }

    /** Every member as a ring-snapshot node entry, in node-id order. */
    public List<NodeInfo> nodeInfos() {
        List<NodeInfo> nodes = new ArrayList<>(members.size());
        for (Member member : members.values()) {
            nodes.add(member.toNodeInfo());
        }
        return nodes;
    }
}
