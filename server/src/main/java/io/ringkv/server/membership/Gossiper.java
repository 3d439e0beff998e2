package io.ringkv.server.membership;

import io.ringkv.ring.NodeState;
import io.ringkv.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's gossip and failure detection: a round every {@link GossiperConfig#gossipIntervalMillis()}
 * bumps the local heartbeat, starts a syn/ack/ack2 exchange with each target {@link PeerSelector} picks,
 * and then convicts live peers whose phi reached the threshold. Every newer heartbeat of a peer that an
 * exchange brings is reported to the {@link PhiAccrualFailureDetector}; liveness is this node's local
 * opinion and is never gossiped. The {@link MembershipListener} hears of joins, ups, downs, restarts,
 * status changes and ring changes.
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
 * <p>Cost of a round: the syn holds one digest per known endpoint, the targets are chosen in O(fanout),
 * and the liveness check is one phi evaluation per live peer.
 */
public final class Gossiper {

    private static final Logger LOG = LoggerFactory.getLogger(Gossiper.class);

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
        this.liveness = new LivenessTracker(localState.nodeId(), detector, listener);
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
        Syn syn = state.makeSyn();
        for (PeerAddress target : selector.targets(liveness.live(), liveness.unreachable(), state::state)) {
            exchange(target, syn);
        }
        liveness.checkLiveness(clock.nanoTime(), state::state);
        rounds++;
    }

    /**
     * Answers a peer's syn (the peer's exchange continues with the returned ack).
     *
     * @throws GossipRejectedException if the peer belongs to another cluster
     */
    public Ack handleSyn(Syn syn) {
        synsReceived++;
        return state.onSyn(syn);
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
        return new GossipCounters(rounds, synsSent, synsFailed, synsReceived);
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
