package io.ringkv.server.membership;

import io.ringkv.ring.NodeState;
import java.util.AbstractCollection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The versioned endpoint-state map one node gossips, with the digest rules of Cassandra's gossiper, the
 * rumors that keep a round's size bounded, the view hash that tells two views apart, and the ring register
 * that rides along.
 *
 * <p>An exchange is {@code A.makeSyn()} → {@code B.onSyn(syn)} → {@code A.onAck(ack)} →
 * {@code B.onAck2(ack2)}. For each endpoint in the syn, B compares its copy with the digest: generation
 * first, then version. If B's copy is newer, B sends it in the ack; if A's is newer, B asks for it (from
 * version 0 when the generation differs or B has never heard of the endpoint); A answers the requests in
 * the ack2.
 *
 * <p><b>Bounded rounds.</b> Cassandra's syn lists every endpoint, so each round costs O(n) bytes. Here a
 * syn lists the sender, the target and the <em>rumors</em>: endpoints whose state this node took or made
 * within the last {@link #rumorRounds()} rounds (at most {@link #MAX_RUMORS}, newest first). B answers
 * with what the digests call for, plus its own state if A's copy is missing or older, plus its own rumors
 * A did not mention: a push-pull exchange of recent changes, which spreads a change to every node in
 * O(log n) rounds, as rumor mongering does (Demers et al.). A change is spread for O(log n) rounds by each
 * node that learns it and then dies out, so a quiet cluster sends only fixed-size messages.
 *
 * <p><b>Repair.</b> Rumors can miss a node (it was partitioned away while a change spread). Every message
 * carries the sender's {@link #viewHash()}, an order-independent hash of every (node, generation, version)
 * it knows, kept current in O(1) per change. When B asked A for nothing and the hashes still differ once A
 * applied the ack, the views differ outside the rumors, and the {@link Gossiper} sends a <em>full</em> syn
 * next, which lists every endpoint; B then also sends, unasked, the states of endpoints A did not mention
 * (which also lets a new node learn the whole cluster from its first exchange with a seed).
 *
 * <p>The ring register follows the digest pattern: B sends its register whenever its (epoch, proposer)
 * differs from the syn's; A adopts it if it wins, or pushes its own in the ack2 if B's lost; see
 * {@link RingRegister}.
 *
 * <p>Every state or register taken from a peer is reported to the {@link Observer} (the gossiper, which
 * feeds the liveness tracker and the membership listener). Not thread-safe; confined to the topology
 * thread.
 */
public final class GossipState {

    /** Most rumor digests one syn carries, and most unasked rumor states one ack carries. */
    public static final int MAX_RUMORS = 32;

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

    /** A change of one endpoint, made or taken in {@code round}; stale once the endpoint changed again. */
    private record Rumor(String nodeId, long round) {}

    private final String clusterName;
    private final String localNodeId;
    private final Observer observer;
    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<PeerAddress, String> idsByAddress = new HashMap<>();
    private final ArrayDeque<Rumor> rumors = new ArrayDeque<>();
    private final Collection<EndpointState> statesView = new StatesView();
    private EndpointState local;
    private RingRegister ring = RingRegister.NONE;
    private long round;
    private long viewHash;

    public GossipState(String clusterName, EndpointState localState, Observer observer) {
        this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
        this.local = Objects.requireNonNull(localState, "localState");
        this.localNodeId = localState.nodeId();
        this.observer = Objects.requireNonNull(observer, "observer");
        put(new Entry(localState));
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

    /** The id of the known node listening at {@code address}, or {@code null}. */
    public String nodeIdAt(PeerAddress address) {
        return idsByAddress.get(address);
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

    /** This node's heartbeat: the number of rounds it has run in this generation. */
    public long heartbeat() {
        return round;
    }

    /**
     * An order-independent hash of every (node, generation, version) known, the local node included: two
     * nodes with equal views have equal hashes, and a difference is very likely to show.
     */
    public long viewHash() {
        return viewHash;
    }

    /**
     * How many rounds a change stays a rumor: {@code 2 + 3·⌈log2(n + 1)⌉} for n known endpoints, enough
     * for push-pull gossip to reach every node with high probability (11 rounds at 5 nodes, 41 at 5,000).
     */
    public int rumorRounds() {
        return 2 + 3 * (64 - Long.numberOfLeadingZeros(entries.size()));
    }

    /** Starts the next round; the heartbeat advances, the gossiped state does not change. */
    public void beat() {
        round++;
        long oldest = round - rumorRounds();
        while (!rumors.isEmpty() && rumors.peekFirst().round() < oldest) {
            rumors.pollFirst();
        }
    }

    /** Changes the local node's status; the new version spreads with the next rounds. */
    public void updateLocalStatus(NodeState status) {
        Objects.requireNonNull(status, "status");
        if (status != local.status()) {
            setLocal(local.withStatus(status));
        }
    }

    /** Changes the set of peers the local node convicts; the new version spreads with the next rounds. */
    public void updateLocalUnreachable(Set<String> convicted) {
        // Called every round: compare without copying (the state's list holds no repeats).
        List<String> gossiped = local.unreachable();
        if (gossiped.size() != convicted.size() || !convicted.containsAll(gossiped)) {
            setLocal(local.withUnreachable(convicted));
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

    /**
     * The opening message of an exchange this node starts.
     *
     * @param targetId the node it goes to, if known (its digest is included so it can send a newer self)
     * @param full whether to list every known endpoint rather than only the rumors
     */
    public Syn makeSyn(String targetId, boolean full) {
        Map<String, GossipDigest> digests = new LinkedHashMap<>();
        digests.put(localNodeId, entries.get(localNodeId).digest());
        if (targetId != null) {
            Entry target = entries.get(targetId);
            if (target != null) {
                digests.put(targetId, target.digest());
            }
        }
        if (full) {
            for (Entry entry : entries.values()) {
                digests.putIfAbsent(entry.state.nodeId(), entry.digest());
            }
        } else {
            forEachRumor(entry -> digests.putIfAbsent(entry.state.nodeId(), entry.digest()));
        }
        return new Syn(
                localNodeId,
                clusterName,
                round,
                full,
                viewHash,
                List.copyOf(digests.values()),
                ring.epoch(),
                ring.proposer());
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
        Map<String, EndpointState> newer = new LinkedHashMap<>();
        Set<String> mentioned = new HashSet<>(Math.max(16, syn.digests().size() * 2));
        for (GossipDigest digest : syn.digests()) {
            mentioned.add(digest.nodeId());
            Entry entry = entries.get(digest.nodeId());
            if (entry == null) {
                requests.add(new GossipDigest(digest.nodeId(), digest.generation(), 0));
                continue;
            }
            EndpointState mine = entry.state;
            if (mine.isNewerThan(digest.generation(), digest.version())) {
                newer.put(mine.nodeId(), mine);
            } else if (mine.nodeId().equals(localNodeId)) {
                // Nobody knows this node better than itself: a "newer" copy of it is not asked for.
                continue;
            } else if (mine.generation() < digest.generation()) {
                requests.add(new GossipDigest(digest.nodeId(), digest.generation(), 0));
            } else if (mine.version() < digest.version()) {
                requests.add(new GossipDigest(digest.nodeId(), digest.generation(), mine.version()));
            }
        }
        if (!mentioned.contains(localNodeId)) {
            newer.put(localNodeId, local);
        }
        forEachRumor(entry -> {
            if (!mentioned.contains(entry.state.nodeId())) {
                newer.putIfAbsent(entry.state.nodeId(), entry.state);
            }
        });
        if (syn.full()) {
            for (Entry entry : entries.values()) {
                if (!mentioned.contains(entry.state.nodeId())) {
                    newer.putIfAbsent(entry.state.nodeId(), entry.state);
                }
            }
        }
        Optional<RingRegister> ringToSend =
                ring.hasVersion(syn.ringEpoch(), syn.ringProposer()) ? Optional.empty() : Optional.of(ring);
        return new Ack(localNodeId, round, viewHash, requests, List.copyOf(newer.values()), ringToSend);
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
     * Keeps {@code remote} if it is newer than the known state of its endpoint, and spreads it as a rumor.
     * States of the local node are ignored: only the node itself produces them.
     *
     * @return whether it was applied
     */
    public boolean apply(EndpointState remote) {
        if (remote.nodeId().equals(localNodeId)) {
            return false;
        }
        Entry entry = entries.get(remote.nodeId());
        if (entry == null) {
            put(new Entry(remote));
            observer.stateApplied(null, remote);
            return true;
        }
        EndpointState previous = entry.state;
        if (!remote.isNewerThan(previous)) {
            return false;
        }
        replace(entry, remote);
        observer.stateApplied(previous, remote);
        return true;
    }

    /** Calls {@code action} for each live rumor, newest first, at most {@link #MAX_RUMORS} of them. */
    private void forEachRumor(Consumer<Entry> action) {
        int taken = 0;
        Iterator<Rumor> newestFirst = rumors.descendingIterator();
        while (taken < MAX_RUMORS && newestFirst.hasNext()) {
            Rumor rumor = newestFirst.next();
            Entry entry = entries.get(rumor.nodeId());
            if (entry.lastRumor == rumor) {
                action.accept(entry);
                taken++;
            }
        }
    }

    private void put(Entry entry) {
        entries.put(entry.state.nodeId(), entry);
        idsByAddress.put(entry.state.address(), entry.state.nodeId());
        viewHash += entry.hash();
        remember(entry);
    }

    private void replace(Entry entry, EndpointState newer) {
        viewHash -= entry.hash();
        if (!newer.address().equals(entry.state.address())) {
            idsByAddress.remove(entry.state.address(), entry.state.nodeId());
            idsByAddress.put(newer.address(), newer.nodeId());
        }
        entry.set(newer);
        viewHash += entry.hash();
        remember(entry);
    }

    private void remember(Entry entry) {
        Rumor rumor = new Rumor(entry.state.nodeId(), round);
        entry.lastRumor = rumor;
        rumors.addLast(rumor);
    }

    private void adopt(RingRegister winner) {
        RingRegister previous = ring;
        ring = winner;
        observer.ringAdopted(previous, winner);
    }

    private void setLocal(EndpointState next) {
        local = next;
        replace(entries.get(localNodeId), next);
    }

    /**
     * The slot of one endpoint: replacing a state is a field write, not a second map operation, and the
     * digest and hash are made once per state rather than once per message.
     */
    private static final class Entry {

        private EndpointState state;
        private GossipDigest digest;
        private Rumor lastRumor;

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

        /** This state's share of the view hash: a 64-bit mix of its node id, generation and version. */
        long hash() {
            return ViewHash.of(state.nodeId(), state.generation(), state.version());
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
