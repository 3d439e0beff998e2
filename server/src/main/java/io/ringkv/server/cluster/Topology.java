package io.ringkv.server.cluster;

import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.NodeState;
import io.ringkv.ring.Partitioner;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.coordinator.ClusterView;
import io.ringkv.server.membership.Ack;
import io.ringkv.server.membership.Ack2;
import io.ringkv.server.membership.EndpointState;
import io.ringkv.server.membership.GossipTransport;
import io.ringkv.server.membership.Gossiper;
import io.ringkv.server.membership.MembershipListener;
import io.ringkv.server.membership.MembershipView;
import io.ringkv.server.membership.PeerAddress;
import io.ringkv.server.membership.RingRegister;
import io.ringkv.server.membership.Syn;
import io.ringkv.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the node's view of the cluster: runs gossip on the single topology thread, joins the ring, and
 * publishes immutable {@link RingSnapshot}s and {@link MembershipView}s for every other thread.
 *
 * <p><b>Joining.</b> The ring layout is a gossiped register ({@link RingRegister}, payload {@link RingLayout}).
 * The bootstrap seed (the first address of the seed list, when it is this node) creates the first layout if
 * no node has one; every other node that sees a layout without itself proposes that layout plus itself at
 * the next epoch. Concurrent proposals resolve by the register's total order; a node whose proposal lost
 * sees a layout without itself again and proposes anew, so all joins converge. The adopted register is
 * persisted, so a whole cluster restarting at once resumes its layout.
 *
 * <p><b>Transitions.</b> A join, a decommission or a removal is proposed as the current layout plus
 * <em>pending owners</em> ({@link RingLayout#withPendingJoin}, {@link RingLayout#withPendingLeave}), only
 * while no other transition is pending (otherwise it is retried at a later round). While one is pending
 * this class publishes both rings ({@link #ring()} and {@link #pendingRing()}) and the
 * {@link PendingTransition}; the proposer streams the moving partitions and then calls
 * {@link #finishTransition}, which proposes the next layout at the next epoch. See
 * {@code docs/elasticity.md}.
 */
public final class Topology implements ClusterView, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Topology.class);
    private static final int LEFT_AFTER_ROUNDS = 10;

    private final TopologySettings settings;
    private final GossipTransport transport;
    private final Clock clock;
    private final RandomGenerator random;
    private final ScheduledExecutorService thread;
    private final RingRegisterStore registerStore;
    private final MembershipListener downstream;
    private final Partitioner partitioner;
    private final Runnable afterRound;
    private Gossiper gossiper;
    private volatile MembershipView view;
    private volatile RingSnapshot ring;
    private volatile RingSnapshot pendingRing;
    private volatile PendingTransition transition;
    /** Dead nodes an operator asked to remove; topology thread only. */
    private final Set<String> removalsRequested = new LinkedHashSet<>();
    /** Rounds a node that left the layout still waits before it gossips LEFT; topology thread only. */
    private int roundsUntilLeft = -1;

    private RingRegister builtFrom = RingRegister.NONE;
    private boolean stale = true;

    public Topology(
            TopologySettings settings,
            GossipTransport transport,
            RingRegisterStore registerStore,
            Clock clock,
            RandomGenerator random,
            MembershipListener downstream,
            Runnable afterRound) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.registerStore = Objects.requireNonNull(registerStore, "registerStore");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.partitioner = new Partitioner(settings.partitionCount());
        this.afterRound = Objects.requireNonNull(afterRound, "afterRound");
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread topologyThread = new Thread(runnable, "ringkv-" + settings.localNodeId() + "-topology");
            topologyThread.setDaemon(true);
            return topologyThread;
        });
        this.view = new MembershipView(settings.localNodeId(), 0, Map.of(), RingRegister.NONE);
    }

    /**
     * Starts gossip as {@code localState} (which carries the ports the node actually bound); the first
     * round runs at once. Until then the node knows no ring and answers requests with UNAVAILABLE.
     */
    public void start(EndpointState localState) {
        if (!localState.nodeId().equals(settings.localNodeId())) {
            throw new IllegalArgumentException(
                    "local state of " + localState.nodeId() + " for node " + settings.localNodeId());
        }
        thread.execute(() -> {
            gossiper =
                    new Gossiper(settings.gossip(), localState, transport, thread, clock, random, new ChangeObserver());
            registerStore.load().ifPresent(gossiper::proposeRing);
            publish();
        });
        thread.scheduleWithFixedDelay(this::round, 0, settings.gossip().gossipIntervalMillis(), TimeUnit.MILLISECONDS);
    }

    /** Answers a peer's gossip syn on the topology thread. */
    public CompletionStage<Ack> handleSyn(Syn syn) {
        return CompletableFuture.supplyAsync(
                () -> {
                    if (gossiper == null) {
                        throw new IllegalStateException(settings.localNodeId() + " is still starting");
                    }
                    Ack ack = gossiper.handleSyn(syn);
                    publish();
                    return ack;
                },
                thread);
    }

    /** Applies the ack2 closing an exchange a peer started. */
    public void handleAck2(Ack2 ack2) {
        thread.execute(() -> {
            if (gossiper != null) {
                gossiper.handleAck2(ack2);
                publish();
            }
        });
    }

    /** The current ring, or {@code null} while this node has not learned one yet. */
    @Override
    public RingSnapshot ring() {
        return ring;
    }

    /** The ring the pending transition leads to, or {@code null} when none is pending. */
    @Override
    public RingSnapshot pendingRing() {
        return pendingRing;
    }

    /** The transition in flight as last published, or {@code null}. */
    public PendingTransition transition() {
        return transition;
    }

    /**
     * Completes the transition of {@code pending} (its partitions have been streamed) by proposing its
     * {@link RingLayout#next()} layout at the next epoch, on the topology thread.
     *
     * @return whether it was proposed: {@code false} when {@code pending} is no longer the current register
     */
    public CompletionStage<Boolean> finishTransition(RingRegister pending) {
        return CompletableFuture.supplyAsync(
                () -> {
                    RingRegister current = gossiper.ring();
                    if (!current.hasVersion(pending.epoch(), pending.proposer())) {
                        return false;
                    }
                    RingLayout done = RingLayout.fromPayload(current.payload()).next();
                    LOG.info("ring transition {} complete: proposing epoch {} {}", pending, current.epoch() + 1, done);
                    gossiper.proposeRing(
                            new RingRegister(current.epoch() + 1, settings.localNodeId(), done.toPayload()));
                    publish();
                    return true;
                },
                thread);
    }

    /**
     * Starts decommissioning this node: it turns LEAVING, proposes its departure as soon as no other
     * transition is pending, streams its partitions to their new replicas, and finally gossips LEFT.
     *
     * @throws IllegalStateException (through the stage) when this node owns no partitions or is the only owner
     */
    public CompletionStage<Void> decommission() {
        return CompletableFuture.runAsync(
                () -> {
                    RingRegister current = gossiper.ring();
                    String self = settings.localNodeId();
                    RingLayout layout = current.isNone() ? null : RingLayout.fromPayload(current.payload());
                    if (layout == null || !layout.ownsPartitions(self)) {
                        throw new IllegalStateException(self + " owns no partitions, so it has nothing to leave");
                    }
                    if (Arrays.stream(layout.owners()).allMatch(self::equals)) {
                        throw new IllegalStateException(self + " is the only node of the ring and cannot leave it");
                    }
                    LOG.info("{} is decommissioning: it will stream its partitions away and leave", self);
                    gossiper.updateLocalStatus(NodeState.LEAVING);
                    publish();
                },
                thread);
    }

    /**
     * Removes a dead member: once no other transition is pending this node proposes its departure and
     * drives it, re-replicating its partitions from the surviving replicas.
     *
     * @throws IllegalArgumentException (through the stage) when {@code nodeId} is not a member, is this
     *     node, or is alive
     */
    public CompletionStage<Void> remove(String nodeId) {
        return CompletableFuture.runAsync(
                () -> {
                    RingRegister current = gossiper.ring();
                    RingLayout layout = current.isNone() ? null : RingLayout.fromPayload(current.payload());
                    if (layout == null || !layout.hasMember(nodeId)) {
                        throw new IllegalArgumentException(nodeId + " is not a member of the ring");
                    }
                    if (nodeId.equals(settings.localNodeId()) || gossiper.isAlive(nodeId)) {
                        throw new IllegalArgumentException(
                                nodeId + " is alive: remove only replaces a dead node (decommission a live one)");
                    }
                    LOG.info("removal of dead node {} requested", nodeId);
                    removalsRequested.add(nodeId);
                },
                thread);
    }

    @Override
    public boolean isAlive(String nodeId) {
        return nodeId.equals(settings.localNodeId()) || view.isAlive(nodeId);
    }

    public MembershipView view() {
        return view;
    }

    /** The node id gossiping at {@code address}, if known (seeds are known by address only at first). */
    public Optional<String> nodeIdAt(PeerAddress address) {
        for (MembershipView.Member member : view.members().values()) {
            if (member.state().address().equals(address)) {
                return Optional.of(member.nodeId());
            }
        }
        return Optional.empty();
    }

    /** Runs {@code task} on the topology thread (for tests and admin changes). */
    public CompletionStage<Void> onTopologyThread(Runnable task) {
        return CompletableFuture.runAsync(task, thread);
    }

    private void round() {
        if (gossiper == null) {
            return;
        }
        try {
            gossiper.runRound();
            joinIfNeeded();
            publish();
            afterRound.run();
        } catch (RuntimeException unexpected) {
            // A failed round must not cancel the periodic task: the next round retries.
            LOG.error("gossip round failed", unexpected);
        }
    }

    private void joinIfNeeded() {
        RingRegister current = gossiper.ring();
        String self = settings.localNodeId();
        if (current.isNone()) {
            if (settings.bootstrapsRing()) {
                RingLayout first = RingLayout.initial(self, settings.partitionCount(), settings.replicationFactor());
                LOG.info("no ring known: {} creates the first ring {}", self, first);
                gossiper.proposeRing(new RingRegister(1, self, first.toPayload()));
            }
            return;
        }
        RingLayout layout = RingLayout.fromPayload(current.payload());
        NodeState status = gossiper.localState().status();
        if (status == NodeState.LEFT) {
            // A node that left never rejoins by itself: it keeps running as a non-member.
            return;
        }
        if (status == NodeState.LEAVING) {
            leaveIfNeeded(current, layout);
            return;
        }
        if (!layout.hasMember(self)) {
            if (layout.hasPendingOwners()) {
                LOG.debug("{} waits to join: transition {} is still pending", self, current);
                return;
            }
            RingLayout joining = layout.withPendingJoin(self);
            LOG.info("joining: proposing ring epoch {} {}", current.epoch() + 1, joining);
            gossiper.proposeRing(new RingRegister(current.epoch() + 1, self, joining.toPayload()));
            return;
        }
        if (!layout.ownsPartitions(self)) {
            // A pending joiner: the streaming driver completes the join.
            return;
        }
        if (status == NodeState.JOINING) {
            gossiper.updateLocalStatus(NodeState.NORMAL);
        }
        proposeRequestedRemoval(current, layout);
    }

    /** Proposes this LEAVING node's departure when nothing else is pending; gossips LEFT once it is out. */
    private void leaveIfNeeded(RingRegister current, RingLayout layout) {
        String self = settings.localNodeId();
        if (!layout.hasMember(self)) {
            // The final layout is out; wait a few rounds so that peers adopt it before they see LEFT (a
            // snapshot never lists a LEFT node as an owner).
            if (roundsUntilLeft < 0) {
                roundsUntilLeft = LEFT_AFTER_ROUNDS;
            } else if (roundsUntilLeft-- == 0) {
                LOG.info("{} has left the ring", self);
                gossiper.updateLocalStatus(NodeState.LEFT);
            }
            return;
        }
        if (layout.hasPendingOwners() || !layout.ownsPartitions(self)) {
            return;
        }
        RingLayout leaving = layout.withPendingLeave(self);
        LOG.info("leaving: proposing ring epoch {} {}", current.epoch() + 1, leaving);
        gossiper.proposeRing(new RingRegister(current.epoch() + 1, self, leaving.toPayload()));
    }

    private void proposeRequestedRemoval(RingRegister current, RingLayout layout) {
        removalsRequested.removeIf(nodeId -> !layout.hasMember(nodeId));
        if (removalsRequested.isEmpty() || layout.hasPendingOwners()) {
            return;
        }
        String dead = removalsRequested.iterator().next();
        if (gossiper.isAlive(dead)) {
            LOG.warn("{} is alive again: its removal is cancelled", dead);
            removalsRequested.remove(dead);
            return;
        }
        if (!layout.ownsPartitions(dead)) {
            return;
        }
        RingLayout removing = layout.withPendingLeave(dead);
        LOG.info("removing dead node {}: proposing ring epoch {} {}", dead, current.epoch() + 1, removing);
        gossiper.proposeRing(new RingRegister(current.epoch() + 1, settings.localNodeId(), removing.toPayload()));
    }

    /** Rebuilds the published snapshots; runs on the topology thread after every change. */
    private void publish() {
        MembershipView fresh = gossiper.view();
        view = fresh;
        RingRegister register = fresh.ring();
        if (register.isNone()) {
            return;
        }
        if (!register.hasVersion(builtFrom.epoch(), builtFrom.proposer())) {
            registerStore.save(register);
            stale = true;
        }
        if (!stale) {
            return;
        }
        RingLayout layout = RingLayout.fromPayload(register.payload());
        Map<String, NodeInfo> nodes = new HashMap<>();
        for (NodeInfo node : fresh.nodeInfos()) {
            nodes.put(node.nodeId(), node);
        }
        for (String member : layout.members()) {
            if (!nodes.containsKey(member)) {
                // The layout names a node whose address gossip has not delivered yet: keep serving from
                // the previous snapshot until it arrives (usually within a round).
                return;
            }
        }
        if (layout.partitionCount() != partitioner.partitionCount()) {
            LOG.error(
                    "the cluster's ring has {} partitions but this node is configured for {}; not adopting it",
                    layout.partitionCount(),
                    partitioner.partitionCount());
            return;
        }
        RingSnapshot current =
                RingSnapshot.of(register.epoch(), partitioner, layout.replicationFactor(), layout.owners(), nodes);
        if (layout.hasPendingOwners()) {
            RingSnapshot next = RingSnapshot.of(
                    register.epoch(),
                    partitioner,
                    layout.replicationFactor(),
                    layout.next().owners(),
                    nodes);
            // The pending ring is published before the ring it belongs to: a coordinator that sees the new
            // ring then always finds its pending ring (it matches them by version).
            pendingRing = next;
            transition = new PendingTransition(register, layout, current, next);
            ring = current;
        } else {
            ring = current;
            transition = null;
            pendingRing = null;
        }
        builtFrom = register;
        stale = false;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Marks the snapshot stale on every membership change, then tells the node's own listener. */
    private final class ChangeObserver implements MembershipListener {
        @Override
        public void onJoin(EndpointState state) {
            stale = true;
            downstream.onJoin(state);
        }

        @Override
        public void onUp(EndpointState state) {
            stale = true;
            downstream.onUp(state);
        }

        @Override
        public void onDown(EndpointState state) {
            stale = true;
            downstream.onDown(state);
        }

        @Override
        public void onRestart(EndpointState state) {
            stale = true;
            downstream.onRestart(state);
        }

        @Override
        public void onStateChange(EndpointState state, NodeState previousStatus) {
            stale = true;
            downstream.onStateChange(state, previousStatus);
        }

        @Override
        public void onRingChange(RingRegister register) {
            stale = true;
            downstream.onRingChange(register);
        }
    }
}
