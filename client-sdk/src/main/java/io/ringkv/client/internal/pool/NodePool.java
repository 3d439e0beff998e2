package io.ringkv.client.internal.pool;

import io.ringkv.client.config.ConnectionConfig;
import io.ringkv.client.internal.channel.CallFailure;
import io.ringkv.client.internal.channel.ChannelConnector;
import io.ringkv.client.internal.channel.ClientConnection;
import io.ringkv.client.internal.channel.PendingCall;
import io.ringkv.client.internal.routing.NodeHealthTracker;
import io.ringkv.client.internal.timer.Cancellable;
import io.ringkv.client.internal.timer.Scheduler;
import io.ringkv.client.policy.ReconnectionPolicy;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.TraceContext;
import io.ringkv.time.Clock;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of this client to one node: a fixed number of slots, each holding an open connection
 * or reconnecting with jittered backoff after a failure, plus the node's {@link InFlightLimiter}.
 * Requests are spread over the open connections round-robin and multiplexed on them.
 *
 * <p>Connection state changes hold the pool's monitor (they are rare); sending a request takes no lock
 * beyond the limiter's. A request that finds no open connection waits for one being opened, or fails
 * at once as {@link CallFailure#UNREACHABLE} (never sent) when the node is in backoff, so that it can
 * move on to another replica instead of waiting.
 */
public final class NodePool {

    private static final Logger LOG = LoggerFactory.getLogger(NodePool.class);

    private final String nodeId;
    private final InetSocketAddress address;
    private final ChannelConnector connector;
    private final Scheduler scheduler;
    private final ReconnectionPolicy reconnection;
    private final NodeHealthTracker health;
    private final Clock clock;
    private final InFlightLimiter limiter;
    private final Slot[] slots;
    private final AtomicInteger nextSlot = new AtomicInteger();
    private boolean closed;

    public NodePool(
            String nodeId,
            InetSocketAddress address,
            ConnectionConfig config,
            ChannelConnector connector,
            Scheduler scheduler,
            ReconnectionPolicy reconnection,
            NodeHealthTracker health,
            Clock clock) {
        this.nodeId = nodeId;
        this.address = address;
        this.connector = connector;
        this.scheduler = scheduler;
        this.reconnection = reconnection;
        this.health = health;
        this.clock = clock;
        this.limiter = new InFlightLimiter(
                nodeId,
                config.maxInFlightPerNode(),
                config.backpressure(),
                config.maxQueuedPerNode(),
                config.maxQueueWait().toNanos(),
                scheduler,
                this::dispatch);
        this.slots = new Slot[config.connectionsPerNode()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
        }
    }

    public String nodeId() {
        return nodeId;
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Opens every connection in the background. */
    public void start() {
        for (Slot slot : slots) {
            connect(slot);
        }
    }

    /**
     * Sends a request. The returned call's future completes with the reply envelope, or fails with a
     * {@link io.ringkv.client.internal.channel.CallFailedException}: {@link CallFailure#TIMED_OUT} after
     * {@code timeoutNanos} (counted from now, slot wait included).
     */
    public PendingCall send(Message body, long ringVersion, TraceContext traceContext, long timeoutNanos) {
        PendingCall call = new PendingCall(body, ringVersion, traceContext);
        Cancellable timeout = scheduler.schedule(
                () -> call.fail(
                        CallFailure.TIMED_OUT,
                        "no reply from " + nodeId + " within " + timeoutNanos / 1_000_000 + " ms",
                        null),
                timeoutNanos);
        call.onFinish(timeout::cancel);
        call.future().thenAccept(reply -> {
            // Only answers count: a node that fails fast (overloaded, unavailable) must not look fast.
            if (!(reply.body() instanceof ErrorReply)) {
                health.recordLatency(nodeId, clock.nanoTime() - call.writeStartedNanos());
            }
        });
        limiter.submit(call);
        return call;
    }

    /** Connections currently open. */
    public int openConnections() {
        int open = 0;
        for (Slot slot : slots) {
            ClientConnection connection = slot.connection;
            if (connection != null && connection.isActive()) {
                open++;
            }
        }
        return open;
    }

    /** Requests holding an in-flight slot on this node. */
    public int inFlight() {
        return limiter.inFlight();
    }

    /** Requests waiting for a slot on this node. */
    public int queued() {
        return limiter.queued();
    }

    private void dispatch(PendingCall call) {
        ClientConnection connection = openConnection();
        if (connection != null) {
            connection.write(call);
            return;
        }
        CompletableFuture<ClientConnection> opening = connectionBeingOpened();
        if (opening == null) {
            call.fail(CallFailure.UNREACHABLE, "no open connection to " + nodeId + " (reconnecting)", null);
            return;
        }
        opening.whenComplete((opened, error) -> {
            ClientConnection usable = opened != null && opened.isActive() ? opened : openConnection();
            if (usable != null) {
                usable.write(call);
            } else {
                call.fail(CallFailure.UNREACHABLE, "cannot connect to " + nodeId + " at " + address, error);
            }
        });
    }

    /** An open connection, round-robin over the slots; null when none is open. */
    private ClientConnection openConnection() {
        int start = Math.floorMod(nextSlot.getAndIncrement(), slots.length);
        for (int i = 0; i < slots.length; i++) {
            ClientConnection connection = slots[(start + i) % slots.length].connection;
            if (connection != null && connection.isActive()) {
                return connection;
            }
        }
        return null;
    }

    private synchronized CompletableFuture<ClientConnection> connectionBeingOpened() {
        for (Slot slot : slots) {
            if (slot.opening != null) {
                return slot.opening;
            }
        }
        return null;
    }

    private void connect(Slot slot) {
        CompletableFuture<ClientConnection> opening;
        synchronized (this) {
            if (closed || slot.opening != null || slot.connection != null) {
                return;
            }
            slot.reconnectTimer = Cancellable.NONE;
            opening = connector.connect(address);
            slot.opening = opening;
        }
        opening.whenComplete((connection, error) -> onConnectDone(slot, connection, error));
    }

    private void onConnectDone(Slot slot, ClientConnection connection, Throwable error) {
        boolean keep;
        boolean noneOpen;
        synchronized (this) {
            slot.opening = null;
            keep = !closed && error == null;
            if (keep) {
                slot.connection = connection;
                slot.failedAttempts = 0;
            } else if (!closed) {
                slot.failedAttempts++;
                scheduleReconnect(slot);
            }
            noneOpen = openConnection() == null;
        }
        if (error != null) {
            if (noneOpen) {
                // Only when no other connection to the node works: one failed socket is not a dead node.
                health.connectFailed(nodeId);
            }
            LOG.debug("connection to {} at {} failed: {}", nodeId, address, error.toString());
            return;
        }
        if (!keep) {
            connection.close();
            return;
        }
        health.connected(nodeId);
        LOG.debug("connected to {} at {}", nodeId, address);
        connection.closeFuture().addListener(closedFuture -> onConnectionClosed(slot, connection));
    }

    private void onConnectionClosed(Slot slot, ClientConnection connection) {
        synchronized (this) {
            if (slot.connection != connection) {
                return;
            }
            slot.connection = null;
            if (closed) {
                return;
            }
            slot.failedAttempts = 1;
            scheduleReconnect(slot);
        }
        LOG.debug("connection to {} at {} closed; reconnecting", nodeId, address);
    }

    /** Called holding the monitor. */
    private void scheduleReconnect(Slot slot) {
        long delayNanos = reconnection.delayNanos(slot.failedAttempts);
        slot.reconnectTimer = scheduler.schedule(() -> connect(slot), delayNanos);
    }

    /**
     * Fails the calls waiting for a slot and every later call with {@code reason}, leaving the calls in
     * flight alone; {@link #close} then closes the connections.
     */
    public void refuseNewCalls(CallFailure reason) {
        limiter.close(reason);
    }

    /**
     * Closes every connection and stops reconnecting. Calls waiting for a slot fail with
     * {@code reason}; calls in flight fail as their connections close.
     */
    public void close(CallFailure reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        limiter.close(reason);
        for (Slot slot : slots) {
            ClientConnection connection;
            CompletableFuture<ClientConnection> opening;
            synchronized (this) {
                slot.reconnectTimer.cancel();
                connection = slot.connection;
                opening = slot.opening;
            }
            if (connection != null) {
                connection.close();
            }
            if (opening != null) {
                opening.thenAccept(ClientConnection::close);
            }
        }
    }

    /** One connection's place in the pool; fields guarded by the pool's monitor except where noted. */
    private static final class Slot {
        /** Read without the monitor by the send path, hence volatile. */
        volatile ClientConnection connection;

        CompletableFuture<ClientConnection> opening;
        Cancellable reconnectTimer = Cancellable.NONE;
        int failedAttempts;
    }
}
