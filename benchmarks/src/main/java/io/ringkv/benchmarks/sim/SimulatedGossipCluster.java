package io.ringkv.benchmarks.sim;

import io.ringkv.ring.NodeState;
import io.ringkv.server.membership.Ack;
import io.ringkv.server.membership.Ack2;
import io.ringkv.server.membership.EndpointState;
import io.ringkv.server.membership.FailureDetectorConfig;
import io.ringkv.server.membership.GossipRejectedException;
import io.ringkv.server.membership.GossipTransport;
import io.ringkv.server.membership.Gossiper;
import io.ringkv.server.membership.GossiperConfig;
import io.ringkv.server.membership.MembershipListener;
import io.ringkv.server.membership.PeerAddress;
import io.ringkv.server.membership.Syn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A cluster of real {@link Gossiper}s (one per simulated node, each with its own phi-accrual detector)
 * connected by a simulated {@link GossipTransport} with per-message delay and loss, all driven by one
 * {@link VirtualTimeScheduler}. Every random choice (round phases, jitter, delays, losses, and each node's
 * own peer choices through a split of the master generator) derives from one seed, so a run is
 * reproducible bit for bit. Nodes can join at any time and be killed (a crash: no more rounds, no answers).
 * False down-markings (a running node convicted by a peer) are counted as they happen.
 */
public final class SimulatedGossipCluster {

    /** Port every simulated node listens on; nodes differ by host. */
    public static final int PORT = 7000;

    public static final String CLUSTER_NAME = "sim";

    private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler();
    private final SplittableRandom random;
    private final GossiperConfig config;
    private final GossipByteMeter meter = new GossipByteMeter();
    private final List<SimulatedNode> nodes = new ArrayList<>();
    private final Map<PeerAddress, SimulatedNode> byAddress = new HashMap<>();
    private final Map<String, SimulatedNode> byId = new HashMap<>();
    private NetworkConditions conditions;
    private int runningCount;
    private long falseDownMarkings;
    private long messagesSent;
    private long messagesLost;

    /**
     * @param seed the one seed of every random choice
     * @param conditions network behaviour; the loss rate may be changed later
     * @param fanout live peers per round
     * @param failureDetector detector settings of every node
     * @param seedCount how many of the first nodes serve as seeds
     */
    public SimulatedGossipCluster(
            long seed, NetworkConditions conditions, int fanout, FailureDetectorConfig failureDetector, int seedCount) {
        this.random = new SplittableRandom(seed);
        this.conditions = conditions;
        List<PeerAddress> seeds = new ArrayList<>();
        for (int index = 0; index < seedCount; index++) {
            seeds.add(addressOf(index));
        }
        this.config =
                GossiperConfig.defaults(CLUSTER_NAME, seeds).withFanout(fanout).withFailureDetector(failureDetector);
    }

    /** A cluster with the server's defaults (200 ms rounds, fanout 2, default detector) and 3 seeds. */
    public static SimulatedGossipCluster withDefaults(long seed, NetworkConditions conditions) {
        return new SimulatedGossipCluster(
                seed, conditions, GossiperConfig.DEFAULT_FANOUT, FailureDetectorConfig.DEFAULTS, 3);
    }

    public static String nodeIdOf(int index) {
        return String.format("node-%05d", index);
    }

    static PeerAddress addressOf(int index) {
        return new PeerAddress("10." + (index >> 16 & 0xff) + "." + (index >> 8 & 0xff) + "." + (index & 0xff), PORT);
    }

    public GossiperConfig config() {
        return config;
    }

    public long roundNanos() {
        return config.gossipIntervalNanos();
    }

    public VirtualTimeScheduler scheduler() {
        return scheduler;
    }

    public GossipByteMeter meter() {
        return meter;
    }

    public void setConditions(NetworkConditions newConditions) {
        this.conditions = newConditions;
    }

    public NetworkConditions conditions() {
        return conditions;
    }

    /** Starts {@code count} new nodes, each with its first round at a random phase of one interval. */
    public void startNodes(int count) {
        for (int i = 0; i < count; i++) {
            startNode();
        }
    }

    /** Starts the next node (ids are assigned in order) and returns its id. */
    public String startNode() {
        int index = nodes.size();
        SimulatedNode node = new SimulatedNode(index);
        nodes.add(node);
        byAddress.put(node.address, node);
        byId.put(node.nodeId, node);
        runningCount++;
        scheduleRound(node, random.nextLong(config.gossipIntervalNanos()));
        return node.nodeId;
    }

    /** Crashes a node: it runs no more rounds and every message to it is lost. */
    public void kill(String nodeId) {
        SimulatedNode node = byId.get(nodeId);
        if (node.running) {
            node.running = false;
            runningCount--;
        }
    }

    public boolean isRunning(String nodeId) {
        SimulatedNode node = byId.get(nodeId);
        return node != null && node.running;
    }

    public Gossiper gossiper(String nodeId) {
        return byId.get(nodeId).gossiper;
    }

    public int size() {
        return nodes.size();
    }

    public int runningCount() {
        return runningCount;
    }

    /** Ids of all nodes ever started, in start order. */
    public List<String> nodeIds() {
        List<String> ids = new ArrayList<>(nodes.size());
        for (SimulatedNode node : nodes) {
            ids.add(node.nodeId);
        }
        return Collections.unmodifiableList(ids);
    }

    /** Down-markings of nodes that were running when convicted. */
    public long falseDownMarkings() {
        return falseDownMarkings;
    }

    public long messagesSent() {
        return messagesSent;
    }

    public long messagesLost() {
        return messagesLost;
    }

    public void runRounds(double rounds) {
        scheduler.runFor((long) (rounds * config.gossipIntervalNanos()));
    }

    /**
     * Runs in steps of a tenth of a round until {@code condition} holds or {@code maxRounds} passed.
     *
     * @return the virtual nanoseconds it took, or -1 if the condition never held
     */
    public long runUntil(BooleanSupplier condition, double maxRounds) {
        long start = scheduler.nowNanos();
        long step = config.gossipIntervalNanos() / 10;
        long deadline = start + (long) (maxRounds * config.gossipIntervalNanos());
        while (scheduler.nowNanos() < deadline) {
            scheduler.runFor(Math.min(step, deadline - scheduler.nowNanos()));
            if (condition.getAsBoolean()) {
                return scheduler.nowNanos() - start;
            }
        }
        return -1;
    }

    /** How many running nodes other than {@code subject} hold a gossiped state of it. */
    public int countKnowing(String subject) {
        int knowing = 0;
        for (SimulatedNode node : nodes) {
            if (node.running && !node.nodeId.equals(subject) && node.gossiper.endpointState(subject) != null) {
                knowing++;
            }
        }
        return knowing;
    }

    /** How many running nodes consider {@code subject} down. */
    public int countSeeingDown(String subject) {
        int seeingDown = 0;
        for (SimulatedNode node : nodes) {
            if (node.running && !node.nodeId.equals(subject) && !node.gossiper.isAlive(subject)) {
                seeingDown++;
            }
        }
        return seeingDown;
    }

    /** Whether every running node considers every running node up. */
    public boolean allRunningSeeAllRunningUp() {
        for (SimulatedNode node : nodes) {
            if (node.running && node.gossiper.liveEndpointCount() < runningCount) {
                return false;
            }
        }
        return true;
    }

    private void scheduleRound(SimulatedNode node, long delayNanos) {
        scheduler.schedule(delayNanos, () -> {
            if (node.running) {
                node.gossiper.runRound();
                long jitterMicros = conditions.roundJitterMicros();
                long jitterNanos = jitterMicros == 0 ? 0 : random.nextLong(-jitterMicros, jitterMicros + 1) * 1000;
                scheduleRound(node, config.gossipIntervalNanos() + jitterNanos);
            }
        });
    }

    /** Puts one message on the wire: returns without delivering it if lost, else delivers after a delay. */
    private void send(Runnable delivery) {
        messagesSent++;
        if (conditions.lossRate() > 0 && random.nextDouble() < conditions.lossRate()) {
            messagesLost++;
            return;
        }
        long delayMicros = random.nextLong(conditions.minDelayMicros(), conditions.maxDelayMicros() + 1);
        scheduler.schedule(delayMicros * 1000, delivery);
    }

    /** One simulated node: its gossiper and its side of the network. */
    private final class SimulatedNode implements GossipTransport, MembershipListener {

        private final String nodeId;
        private final PeerAddress address;
        private final Gossiper gossiper;
        private boolean running = true;

        SimulatedNode(int index) {
            this.nodeId = nodeIdOf(index);
            this.address = addressOf(index);
            EndpointState initial =
                    EndpointState.initial(nodeId, 1, address.host(), address.port(), 8000, "", NodeState.NORMAL, 1);
            this.gossiper = new Gossiper(config, initial, this, Runnable::run, scheduler.clock(), random.split(), this);
        }

        @Override
        public CompletionStage<Ack> sendSyn(PeerAddress peer, Syn syn) {
            CompletableFuture<Ack> reply = new CompletableFuture<>();
            SimulatedNode target = byAddress.get(peer);
            meter.syn(nodeId, target.nodeId, syn);
            send(() -> {
                if (!target.running) {
                    return;
                }
                Ack ack;
                try {
                    ack = target.gossiper.handleSyn(syn);
                } catch (GossipRejectedException rejected) {
                    reply.completeExceptionally(rejected);
                    return;
                }
                meter.ack(target.nodeId, nodeId, ack);
                send(() -> {
                    if (running) {
                        reply.complete(ack);
                    }
                });
            });
            scheduler.schedule(
                    conditions.synTimeoutMillis() * 1_000_000L,
                    () -> reply.completeExceptionally(new TimeoutException("no ack from " + peer)));
            return reply;
        }

        @Override
        public void sendAck2(PeerAddress peer, Ack2 ack2) {
            SimulatedNode target = byAddress.get(peer);
            meter.ack2(nodeId, target.nodeId, ack2);
            send(() -> {
                if (target.running) {
                    target.gossiper.handleAck2(ack2);
                }
            });
        }

        @Override
        public void onDown(EndpointState state) {
            if (isRunning(state.nodeId())) {
                falseDownMarkings++;
            }
        }
    }
}
