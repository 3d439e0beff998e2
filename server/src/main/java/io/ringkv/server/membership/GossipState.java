package io.ringkv.server.membership;

import io.ringkv.ring.NodeState;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The versioned endpoint-state map one node gossips, with the digest rules of Cassandra's gossiper, and
 * the ring register that rides along.
 *
 * <p>An exchange is {@code A.makeSyn()} → {@code B.onSyn(syn)} → {@code A.onAck(ack)} →
 * {@code B.onAck2(ack2)}. For each endpoint in the syn, B compares its copy with the digest: generation
 * first, then version. If B's copy is newer, B sends it in the ack; if A's is newer, B asks for it (from
 * version 0 when the generation differs or B has never heard of the endpoint); A answers the requests in
 * the ack2. B also sends, unasked, the states of endpoints A did not mention at all, which Cassandra does
 * not do and which lets a newly started node learn the whole cluster from its first exchange. The ring
 * register follows the same pattern: B sends its register whenever its (epoch, proposer) differs from the
 * syn's; A adopts it if it wins, or pushes its own in the ack2 if B's lost; see {@link RingRegister}.
 *
 * <p>Work is linear in the digests exchanged: each digest is one hash lookup, and the scan for endpoints
 * the peer did not mention runs only when the peer mentioned fewer endpoints than this node knows.
 *
 * <p>Every state or register taken from a peer is reported to the {@link Observer} (the gossiper, which
 * feeds the failure detector and the membership listener). Not thread-safe; confined to the topology thread.
 */
public final class GossipState {

    /** Told about every change taken from a peer, right after it is applied. */
    public interface Observer {

        /** Does nothing; for tests that look only at the state. */
        Observer NONE = new Observer() {};

        /**
         * An endpoint state newer than the known one was applied.
         *
         * @param previous the state it replaced, or {@code null} for an endpoint seen for the first time
         * @param current the state now held
         */
        default void stateApplied(EndpointState previous, EndpointState current) {}

        /** A ring register that supersedes the held one was adopted. */
        default void ringAdopted(RingRegister previous, RingRegister current) {}
    }

    private final String clusterName;
    private final String localNodeId;
    private final Observer observer;
    private final Map<String, Entry> entries = new HashMap<>();
    private final Collection<EndpointState> statesView = new StatesView();
    private EndpointState local;
    private RingRegister ring = RingRegister.NONE;

    public GossipState(String clusterName, EndpointState localState, Observer observer) {
        this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
        this.local = Objects.requireNonNull(localState, "localState");
        this.localNodeId = localState.nodeId();
        this.observer = Objects.requireNonNull(observer, "observer");
        entries.put(localNodeId, new Entry(localState));
    }

    public String clusterName() {
        return clusterName;
    }

    public EndpointState localState() {
        return local;
    }

    /** The known state of {@code nodeId} (the local node included), or {@code null} if never heard of. */
    public EndpointState state(String nodeId) {
        Entry entry = entries.get(nodeId);
        return entry == null ? null : entry.state;
    }

    /** A read-only live view of every known state, the local one included. */
    public Collection<EndpointState> states() {
        return statesView;
    }

    /** The number of known endpoints, the local one included. */
    public int size() {
        return entries.size();
    }

    public RingRegister ring() {
        return ring;
    }

    /** Advances the local heartbeat (and version); called once per gossip round. */
    public void beat() {
        setLocal(local.nextHeartbeat());
    }

    /** Changes the local node's status; the new version spreads with the next rounds. */
    public void updateLocalStatus(NodeState status) {
        Objects.requireNonNull(status, "status");
        if (status != local.status()) {
            setLocal(local.withStatus(status));
        }
    }

    /**
     * Offers a register (a local proposal, or one learned outside gossip); it is kept if it supersedes the
     * held one. Local proposals are not reported to the observer.
     *
     * @return whether it was adopted
     */
    public boolean offerRing(RingRegister candidate) {
        if (candidate.supersedes(ring)) {
            ring = candidate;
            return true;
        }
        return false;
    }

    /** The opening message of an exchange this node starts. */
    public Syn makeSyn() {
        GossipDigest[] digests = new GossipDigest[entries.size()];
        int next = 0;
        for (Entry entry : entries.values()) {
            digests[next++] = entry.digest();
        }
        return new Syn(localNodeId, clusterName, List.of(digests), ring.epoch(), ring.proposer());
    }

    /**
     * Answers a peer's syn. Applies nothing: the syn carries only digests.
     *
     * @throws GossipRejectedException if the syn comes from another cluster
     */
    public Ack onSyn(Syn syn) {
        if (!clusterName.equals(syn.clusterName())) {
            throw new GossipRejectedException("gossip from " + syn.from() + " of cluster '" + syn.clusterName()
                    + "' rejected by cluster '" + clusterName + "'");
        }
        List<GossipDigest> requests = new ArrayList<>();
        List<EndpointState> newer = new ArrayList<>();
        int known = 0;
        for (GossipDigest digest : syn.digests()) {
            Entry entry = entries.get(digest.nodeId());
            if (entry == null) {
                requests.add(new GossipDigest(digest.nodeId(), digest.generation(), 0));
                continue;
            }
            known++;
            EndpointState mine = entry.state;
            if (mine.isNewerThan(digest.generation(), digest.version())) {
                newer.add(mine);
            } else if (mine.nodeId().equals(localNodeId)) {
                // Nobody knows this node better than itself: a "newer" copy of it is not asked for.
                continue;
            } else if (mine.generation() < digest.generation()) {
                requests.add(new GossipDigest(digest.nodeId(), digest.generation(), 0));
            } else if (mine.version() < digest.version()) {
                requests.add(new GossipDigest(digest.nodeId(), digest.generation(), mine.version()));
            }
        }
        if (known < entries.size()) {
            addUnmentioned(syn.digests(), newer);
        }
        Optional<RingRegister> ringToSend =
                ring.hasVersion(syn.ringEpoch(), syn.ringProposer()) ? Optional.empty() : Optional.of(ring);
        return new Ack(requests, newer, ringToSend);
    }

    /** Applies what the peer sent and answers its requests. */
    public Ack2 onAck(Ack ack) {
        for (EndpointState state : ack.states()) {
            apply(state);
        }
        Optional<RingRegister> ringToSend = Optional.empty();
        if (ack.ring().isPresent()) {
            RingRegister theirs = ack.ring().get();
            if (theirs.supersedes(ring)) {
                adopt(theirs);
            } else if (ring.supersedes(theirs)) {
                ringToSend = Optional.of(ring);
            }
        }
        List<EndpointState> requested = new ArrayList<>(ack.digests().size());
        for (GossipDigest request : ack.digests()) {
            Entry entry = entries.get(request.nodeId());
            if (entry != null && entry.state.isNewerThan(request.generation(), request.version())) {
                requested.add(entry.state);
            }
        }
        return new Ack2(requested, ringToSend);
    }

    /** Applies the states and register that close an exchange this node answered. */
    public void onAck2(Ack2 ack2) {
        for (EndpointState state : ack2.states()) {
            apply(state);
        }
        ack2.ring().filter(theirs -> theirs.supersedes(ring)).ifPresent(this::adopt);
    }

    /**
     * Keeps {@code remote} if it is newer than the known state of its endpoint. States of the local node
     * are ignored: only the node itself produces them.
     *
     * @return whether it was applied
     */
    public boolean apply(EndpointState remote) {
        if (remote.nodeId().equals(localNodeId)) {
            return false;
        }
        Entry entry = entries.get(remote.nodeId());
        if (entry == null) {
            entries.put(remote.nodeId(), new Entry(remote));
            observer.stateApplied(null, remote);
            return true;
        }
        EndpointState previous = entry.state;
        if (!remote.isNewerThan(previous)) {
            return false;
        }
        entry.set(remote);
        observer.stateApplied(previous, remote);
        return true;
    }

    private void addUnmentioned(List<GossipDigest> digests, List<EndpointState> newer) {
        Set<String> mentioned = new HashSet<>(Math.max(16, digests.size() * 2));
        for (GossipDigest digest : digests) {
            mentioned.add(digest.nodeId());
        }
        for (Entry entry : entries.values()) {
            if (!mentioned.contains(entry.state.nodeId())) {
                newer.add(entry.state);
            }
        }
    }

    private void adopt(RingRegister winner) {
        RingRegister previous = ring;
        ring = winner;
        observer.ringAdopted(previous, winner);
    }

    private void setLocal(EndpointState next) {
        local = next;
        entries.get(localNodeId).set(next);
    }

    /**
     * The slot of one endpoint: replacing a state is a field write, not a second map operation, and the
     * digest is made once per state rather than once per syn.
     */
    private static final class Entry {

        private EndpointState state;
        private GossipDigest digest;

        Entry(EndpointState state) {
            this.state = state;
        }

        void set(EndpointState newer) {
            state = newer;
            digest = null;
        }

        GossipDigest digest() {
            if (digest == null) {
                digest = state.digest();
            }
            return digest;
        }
    }

    /** A read-only view of the held states. */
    private final class StatesView extends AbstractCollection<EndpointState> {

        @Override
        public Iterator<EndpointState> iterator() {
            Iterator<Entry> inner = entries.values().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return inner.hasNext();
                }

                @Override
                public EndpointState next() {
                    return inner.next().state;
                }
            };
        }

        @Override
        public int size() {
            return entries.size();
        }
    }
}
