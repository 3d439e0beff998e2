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
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 */
public final class Topology implements ClusterView, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Topology.class);

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
        if (!layout.hasMember(self)) {
            RingLayout joined = layout.withMember(self);
            LOG.info("joining ring epoch {} as {}", current.epoch() + 1, joined);
            gossiper.proposeRing(new RingRegister(current.epoch() + 1, self, joined.toPayload()));
        } else if (gossiper.localState().status() == NodeState.JOINING) {
            gossiper.updateLocalStatus(NodeState.NORMAL);
        }
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
        ring = RingSnapshot.of(register.epoch(), partitioner, layout.replicationFactor(), layout.owners(), nodes);
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
