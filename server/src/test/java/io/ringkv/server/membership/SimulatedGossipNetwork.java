package io.ringkv.server.membership;

import io.ringkv.ring.NodeState;
import io.ringkv.time.ManualClock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A deterministic network of {@link Gossiper}s in virtual time: one event queue, one {@link ManualClock}
 * that jumps to each event, a per-message delay drawn uniformly from a range, independent message loss,
 * and syn timeouts. Every random choice (round phases, delays, losses, each node's gossip choices) comes
 * from one seed, so a run is reproducible. Nodes can be started, killed (they stop running rounds and
 * every message to them is lost) and restarted with a new generation. Membership events of every node are
 * recorded with their virtual time. Single-threaded: everything runs on the caller's thread.
 */
final class SimulatedGossipNetwork {

    /** Network behaviour: delay range (microseconds), loss probability per message, syn timeout, round jitter. */
    record Conditions(
            long minDelayMicros, long maxDelayMicros, double lossRate, long synTimeoutMillis, long jitterMicros) {

        static final Conditions LAN = new Conditions(200, 3_000, 0.0, 1_000, 2_000);

        Conditions withLossRate(double newLossRate) {
            return new Conditions(minDelayMicros, maxDelayMicros, newLossRate, synTimeoutMillis, jitterMicros);
        }
    }

    enum Kind {
        JOIN,
        UP,
        DOWN,
        RESTART,
        STATE_CHANGE,
        RING_CHANGE
    }

    /** One membership event: {@code observer} saw {@code subject} do {@code kind} at {@code atNanos}. */
    record ObservedEvent(long atNanos, String observer, String subject, Kind kind, long generation) {}

    private record ScheduledEvent(long atNanos, long sequence, Runnable action) {}

    static final int PORT = 7000;
    static final String CLUSTER = "simulated";

    private final Conditions conditions;
    private final SplittableRandom random;
    private final ManualClock clock = new ManualClock();
    private final PriorityQueue<ScheduledEvent> queue =
            new PriorityQueue<>((left, right) -> left.atNanos != right.atNanos
                    ? Long.compare(left.atNanos, right.atNanos)
                    : Long.compare(left.sequence, right.sequence));
    private final Map<PeerAddress, SimulatedNode> nodesByAddress = new HashMap<>();
    private final Map<String, SimulatedNode> nodesById = new LinkedHashMap<>();
    private final List<ObservedEvent> events = new ArrayList<>();
    private long sequence;
    private long messagesSent;
    private long messagesLost;
    private int largestBoundedSyn;
    private long fullSyns;

    SimulatedGossipNetwork(long seed, Conditions conditions) {
        this.conditions = conditions;
        this.random = new SplittableRandom(seed);
    }

    static PeerAddress addressOf(String nodeId) {
        return new PeerAddress(nodeId, PORT);
    }

    long nowNanos() {
        return clock.nanoTime();
    }

    /** Starts a node whose first round comes at a random phase within one gossip interval. */
    SimulatedNode start(String nodeId, long generation, GossiperConfig config) {
        SimulatedNode node = new SimulatedNode(nodeId, generation, config);
        nodesByAddress.put(node.address, node);
        nodesById.put(nodeId, node);
        scheduleRound(node, random.nextLong(config.gossipIntervalNanos()));
        return node;
    }

    /** Stops a node as a crash would: no more rounds, no answers, nothing sent. */
    void kill(String nodeId) {
        nodesById.get(nodeId).running = false;
    }

    /**
     * Freezes a node as a long GC pause or a partition would: no rounds, and every message to it is lost;
     * its gossiper and view are kept for {@link #resume}.
     */
    void pause(String nodeId) {
        nodesById.get(nodeId).running = false;
    }

    /** Lets a paused node run again, in the same generation, with the view it had when paused. */
    void resume(String nodeId) {
        SimulatedNode node = nodesById.get(nodeId);
        node.running = true;
        scheduleRound(node, random.nextLong(node.gossiper.config().gossipIntervalNanos()));
    }

    /** The most digests any syn that was not full carried so far. */
    int largestBoundedSyn() {
        return largestBoundedSyn;
    }

    /** How many full syns were sent so far. */
    long fullSyns() {
        return fullSyns;
    }

    /** Starts a killed node again as a new run (a higher generation), with the same id and config. */
    SimulatedNode restart(String nodeId, long generation) {
        SimulatedNode old = nodesById.get(nodeId);
        if (old.running) {
            throw new IllegalStateException(nodeId + " is still running");
        }
        return start(nodeId, generation, old.gossiper.config());
    }

    Gossiper gossiper(String nodeId) {
        return nodesById.get(nodeId).gossiper;
    }

    /** The current instance of every node, running or not, in start order. */
    Collection<SimulatedNode> nodes() {
        return nodesById.values();
    }

    List<SimulatedNode> runningNodes() {
        List<SimulatedNode> running = new ArrayList<>();
        for (SimulatedNode node : nodesById.values()) {
            if (node.running) {
                running.add(node);
            }
        }
        return running;
    }

    List<ObservedEvent> events() {
        return events;
    }

    /** How many events have been recorded so far; a later {@link #eventsSince} starts there. */
    int eventCount() {
        return events.size();
    }

    /** The events recorded after the first {@code index} ones. */
    List<ObservedEvent> eventsSince(int index) {
        return events.subList(index, events.size());
    }

    long messagesSent() {
        return messagesSent;
    }

    long messagesLost() {
        return messagesLost;
    }

    /** Processes every event up to {@code now + durationNanos}; the clock ends exactly there. */
    void runFor(long durationNanos) {
        long end = clock.nanoTime() + durationNanos;
        while (!queue.isEmpty() && queue.peek().atNanos <= end) {
            ScheduledEvent event = queue.poll();
            clock.advanceNanos(event.atNanos - clock.nanoTime());
            event.action.run();
        }
        clock.advanceNanos(end - clock.nanoTime());
    }

    /**
     * Runs in steps of {@code stepNanos} until {@code condition} holds (checked after each step) or
     * {@code maxNanos} have passed.
     *
     * @return whether the condition came true
     */
    boolean runUntil(BooleanSupplier condition, long stepNanos, long maxNanos) {
        long deadline = clock.nanoTime() + maxNanos;
        while (clock.nanoTime() < deadline) {
            runFor(Math.min(stepNanos, deadline - clock.nanoTime()));
            if (condition.getAsBoolean()) {
                return true;
            }
        }
        return condition.getAsBoolean();
    }

    private void schedule(long delayNanos, Runnable action) {
        queue.add(new ScheduledEvent(clock.nanoTime() + delayNanos, sequence++, action));
    }

    private void scheduleRound(SimulatedNode node, long delayNanos) {
        schedule(delayNanos, () -> {
            if (node.running) {
                node.gossiper.runRound();
                long jitter = random.nextLong(-conditions.jitterMicros(), conditions.jitterMicros() + 1) * 1000;
                scheduleRound(node, node.gossiper.config().gossipIntervalNanos() + jitter);
            }
        });
    }

    /** Sends one message: returns false if it is lost, else schedules its delivery after a random delay. */
    private boolean send(Runnable delivery) {
        messagesSent++;
        if (conditions.lossRate() > 0 && random.nextDouble() < conditions.lossRate()) {
            messagesLost++;
            return false;
        }
        schedule(random.nextLong(conditions.minDelayMicros(), conditions.maxDelayMicros() + 1) * 1000, delivery);
        return true;
    }

    /** One node instance: its gossiper and its side of the network. */
    final class SimulatedNode implements GossipTransport, MembershipListener {

        final String nodeId;
        final PeerAddress address;
        final Gossiper gossiper;
        boolean running = true;

        SimulatedNode(String nodeId, long generation, GossiperConfig config) {
            this.nodeId = nodeId;
            this.address = addressOf(nodeId);
            EndpointState initial =
                    EndpointState.initial(nodeId, generation, nodeId, PORT, PORT + 1, "", NodeState.NORMAL, generation);
            this.gossiper = new Gossiper(config, initial, this, Runnable::run, clock, random.split(), this);
        }

        @Override
        public CompletionStage<Ack> sendSyn(PeerAddress peer, Syn syn) {
            if (syn.full()) {
                fullSyns++;
            } else {
                largestBoundedSyn = Math.max(largestBoundedSyn, syn.digests().size());
            }
            CompletableFuture<Ack> reply = new CompletableFuture<>();
            long timeoutNanos = conditions.synTimeoutMillis() * 1_000_000L;
            long sentAt = clock.nanoTime();
            Runnable timeout = () -> schedule(sentAt + timeoutNanos - clock.nanoTime(), () -> {
                if (running) {
                    reply.completeExceptionally(new TimeoutException("no ack from " + peer));
                }
            });
            boolean delivered = send(() -> {
                SimulatedNode target = nodesByAddress.get(peer);
                if (target == null || !target.running) {
                    timeout.run();
                    return;
                }
                Ack ack = target.gossiper.handleSyn(syn);
                if (!send(() -> {
                    if (running) {
                        reply.complete(ack);
                    }
                })) {
                    timeout.run();
                }
            });
            if (!delivered) {
                timeout.run();
            }
            return reply;
        }

        @Override
        public void sendAck2(PeerAddress peer, Ack2 ack2) {
            if (!running) {
                return;
            }
            send(() -> {
                SimulatedNode target = nodesByAddress.get(peer);
                if (target != null && target.running) {
                    target.gossiper.handleAck2(ack2);
                }
            });
        }

        @Override
        public void onJoin(EndpointState state) {
            record(state, Kind.JOIN);
        }

        @Override
        public void onUp(EndpointState state) {
            record(state, Kind.UP);
        }

        @Override
        public void onDown(EndpointState state) {
            record(state, Kind.DOWN);
        }

        @Override
        public void onRestart(EndpointState state) {
            record(state, Kind.RESTART);
        }

        @Override
        public void onStateChange(EndpointState state, NodeState previousStatus) {
            record(state, Kind.STATE_CHANGE);
        }

        @Override
        public void onRingChange(RingRegister ring) {
            events.add(new ObservedEvent(clock.nanoTime(), nodeId, ring.proposer(), Kind.RING_CHANGE, ring.epoch()));
        }

        private void record(EndpointState state, Kind kind) {
            events.add(new ObservedEvent(clock.nanoTime(), nodeId, state.nodeId(), kind, state.generation()));
        }
    }
}
