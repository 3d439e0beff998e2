package io.ringkv.server.membership;

import io.ringkv.ring.NodeState;
import io.ringkv.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's gossip and failure detection. A round every {@link GossiperConfig#gossipIntervalMillis()}
 * advances the local heartbeat, starts a syn/ack/ack2 exchange with each of the node's successors on the
 * {@link MonitoringRing} and with the targets {@link PeerSelector} picks, and then convicts neighbours
 * whose phi reached the threshold. The successors are contacted every round so that each pair of
 * neighbours hears from each other directly; the random targets spread changes epidemically.
 *
 * <p>Liveness is two-tier (see {@link LivenessTracker}): this node's failure detector hears only its
 * neighbours' own syns and acks, and its opinion of everyone else follows what their neighbours gossip in
 * {@link EndpointState#unreachable()}. Together with rumor-bounded syns ({@link GossipState}) a round costs
 * the same whatever the cluster size, where Cassandra's gossip sends one digest per node in every syn.
 *
 * <p><b>Full exchanges.</b> When the peer asked for nothing, this node's view, once the ack is applied,
 * should equal the peer's; if the view hashes still differ, the views differ outside the rumors (a node
 * was away while a change spread, or has just started). The next round then opens with a full syn, at most once every {@link #FULL_SYNC_ROUNDS} rounds
 * (at once for a node that knows nobody yet).
 *
 * <p><b>Threading.</b> Every method must be called on one thread: the server's single-threaded topology
 * executor runs {@link #runRound()} at the gossip interval and hands incoming syns and ack2s to
 * {@link #handleSyn} and {@link #handleAck2}; acks, which the transport may complete on any thread, are
 * processed on the {@code callbackExecutor} given here (that same executor). No locks are needed. Other
 * threads read the immutable {@link MembershipView} the topology thread publishes.
 *
 * <p><b>Time and randomness</b> come only from the injected {@link Clock} and {@link RandomGenerator}, so a
 * simulated network with a manual clock drives it deterministically.
 *
 * <p>Cost of a round: {@code k + fanout} exchanges of bounded size, targets chosen in O(k log n + fanout),
 * and one phi evaluation per neighbour.
 */
public final class Gossiper {

    private static final Logger LOG = LoggerFactory.getLogger(Gossiper.class);

    /** Fewest rounds between two full syns of one node. */
    public static final int FULL_SYNC_ROUNDS = 5;

    private final GossiperConfig config;
    private final GossipState state;
    private final PhiAccrualFailureDetector detector;
    private final LivenessTracker liveness;
    private final PeerSelector selector;
    private final GossipTransport transport;
    private final Executor callbackExecutor;
    private final Clock clock;
    private final MembershipListener listener;
    private long rounds;
    private long synsSent;
    private long synsFailed;
    private long synsReceived;
    private long fullSynsSent;
    private boolean viewsDiverged;
    private long lastFullSyncRound = Long.MIN_VALUE / 2;

    /**
     * @param localState this run's first state of the local node (see {@link EndpointState#initial})
     * @param callbackExecutor where acks are processed: the topology executor ({@code Runnable::run} in a
     *     single-threaded simulation)
     */
    public Gossiper(
            GossiperConfig config,
            EndpointState localState,
            GossipTransport transport,
            Executor callbackExecutor,
            Clock clock,
            RandomGenerator random,
            MembershipListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.callbackExecutor = Objects.requireNonNull(callbackExecutor, "callbackExecutor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.detector = new PhiAccrualFailureDetector(config.failureDetector());
        this.liveness = new LivenessTracker(localState.nodeId(), config.monitors(), detector, listener, this::stateOf);
        this.state = new GossipState(config.clusterName(), localState, new Observer());
        PeerAddress self = localState.address();
        List<PeerAddress> otherSeeds = new ArrayList<>(config.seeds());
        otherSeeds.remove(self);
        this.selector = new PeerSelector(config.fanout(), otherSeeds, Objects.requireNonNull(random, "random"));
    }

    public GossiperConfig config() {
        return config;
    }

    public String localNodeId() {
        return state.localState().nodeId();
    }

    public EndpointState localState() {
        return state.localState();
    }

    /** Runs one gossip round: heartbeat, exchanges with this round's targets, liveness check. */
    public void runRound() {
        state.beat();
        boolean full = wantsFullSync();
        for (PeerAddress target : targets()) {
            String targetId = state.nodeIdAt(target);
            exchange(target, state.makeSyn(targetId, full));
            if (full) {
                fullSynsSent++;
                lastFullSyncRound = state.heartbeat();
                viewsDiverged = false;
                full = false;
            }
        }
        liveness.checkLiveness(clock.nanoTime());
        state.updateLocalUnreachable(liveness.convicted());
        rounds++;
    }

    private boolean wantsFullSync() {
        if (state.size() == 1) {
            return true;
        }
        return viewsDiverged && state.heartbeat() - lastFullSyncRound >= FULL_SYNC_ROUNDS;
    }

    /**
     * The random picks, then the successors (due every round), each address once; a full syn goes to the
     * first, so it reaches a random peer rather than always the same neighbour.
     */
    private Collection<PeerAddress> targets() {
        Set<PeerAddress> targets = new LinkedHashSet<>();
        for (PeerAddress random : selector.targets(liveness.live(), liveness.unreachable(), state::state)) {
            targets.add(random);
        }
        for (String successor : liveness.successors()) {
            targets.add(state.state(successor).address());
        }
        return targets;
    }

    /**
     * Answers a peer's syn (the peer's exchange continues with the returned ack).
     *
     * @throws GossipRejectedException if the peer belongs to another cluster
     */
    public Ack handleSyn(Syn syn) {
        synsReceived++;
        Ack ack = state.onSyn(syn);
        if (!syn.digests().isEmpty() && syn.digests().get(0).nodeId().equals(syn.from())) {
            liveness.heardFrom(syn.from(), syn.digests().get(0).generation(), syn.heartbeat(), clock.nanoTime());
        }
        return ack;
    }

    /** Applies the message that closes an exchange a peer started with this node. */
    public void handleAck2(Ack2 ack2) {
        state.onAck2(ack2);
    }

    /** Changes the local status (JOINING, NORMAL, LEAVING, LEFT); peers learn it with the next rounds. */
    public void updateLocalStatus(NodeState status) {
        state.updateLocalStatus(status);
    }

    /**
     * Proposes a ring register; it is kept (and spreads) only if it supersedes the current one.
     *
     * @return whether it was adopted
     */
    public boolean proposeRing(RingRegister ring) {
        return state.offerRing(ring);
    }

    public RingRegister ring() {
        return state.ring();
    }

    private EndpointState stateOf(String nodeId) {
        return state.state(nodeId);
    }

    /** Whether this node watches {@code nodeId} with its own failure detector (a ring neighbour). */
    public boolean isNeighbour(String nodeId) {
        return liveness.isNeighbour(nodeId);
    }

    /** Whether this node considers {@code nodeId} up (the local node always is). */
    public boolean isAlive(String nodeId) {
        return liveness.isAlive(nodeId);
    }

    /** The gossiped state of {@code nodeId}, or {@code null} if never heard of. */
    public EndpointState endpointState(String nodeId) {
        return state.state(nodeId);
    }

    /** How many endpoints this node knows, itself included. */
    public int knownEndpointCount() {
        return state.size();
    }

    /** How many endpoints this node considers up, itself included. */
    public int liveEndpointCount() {
        return liveness.live().size() + 1;
    }

    /** A snapshot of the whole view, built in O(known endpoints); publish it to other threads. */
    public MembershipView view() {
        long nowNanos = clock.nanoTime();
        List<MembershipView.Member> members = new ArrayList<>(state.size());
        for (EndpointState endpoint : state.states()) {
            String nodeId = endpoint.nodeId();
            members.add(new MembershipView.Member(endpoint, liveness.isAlive(nodeId), liveness.phi(nodeId, nowNanos)));
        }
        return MembershipView.of(localNodeId(), nowNanos, members, state.ring());
    }

    /** Counters for telemetry. */
    public GossipCounters counters() {
        return new GossipCounters(rounds, synsSent, synsFailed, synsReceived, fullSynsSent);
    }

    private void exchange(PeerAddress target, Syn syn) {
        synsSent++;
        transport
                .sendSyn(target, syn)
                .whenCompleteAsync((ack, failure) -> completeExchange(target, ack, failure), callbackExecutor);
    }

    /** Runs on the callback executor when the peer's ack (or the failure to get one) arrives. */
    private void completeExchange(PeerAddress target, Ack ack, Throwable failure) {
        if (failure != null) {
            synsFailed++;
            LOG.debug("{}: gossip with {} failed: {}", localNodeId(), target, failure.toString());
            return;
        }
        Ack2 ack2 = state.onAck(ack);
        EndpointState answerer = state.state(ack.from());
        if (answerer != null) {
            liveness.heardFrom(ack.from(), answerer.generation(), ack.heartbeat(), clock.nanoTime());
        }
        if (ack.digests().isEmpty() && ack.viewHash() != state.viewHash()) {
            viewsDiverged = true;
        }
        if (!ack2.isEmpty()) {
            transport.sendAck2(target, ack2);
        }
    }

    /** Connects state changes taken from peers to the liveness tracker and the listener. */
    private final class Observer implements GossipState.Observer {

        @Override
        public void stateApplied(EndpointState previous, EndpointState current) {
            liveness.stateApplied(previous, current, clock.nanoTime());
        }

        @Override
        public void ringAdopted(RingRegister previous, RingRegister current) {
            LOG.info("{} adopted ring epoch {} from {}", localNodeId(), current.epoch(), current.proposer());
            listener.onRingChange(current);
        }
    }
}
