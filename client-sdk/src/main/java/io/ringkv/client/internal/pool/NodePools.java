package io.ringkv.client.internal.pool;

import io.ringkv.client.config.ConnectionConfig;
import io.ringkv.client.internal.channel.CallFailure;
import io.ringkv.client.internal.channel.ChannelConnector;
import io.ringkv.client.internal.routing.NodeHealthTracker;
import io.ringkv.client.internal.timer.Scheduler;
import io.ringkv.client.policy.ReconnectionPolicy;
import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.NodeState;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.time.Clock;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pools of all nodes in the current ring, by node id. {@link #update(RingSnapshot)} runs on the
 * topology executor when a new snapshot arrives: it opens pools to new nodes, closes those of nodes that
 * left (or have a new address), and keeps the rest. Lookups are lock-free from any thread.
 */
public final class NodePools {

    private static final Logger LOG = LoggerFactory.getLogger(NodePools.class);

    private final Map<String, NodePool> pools = new ConcurrentHashMap<>();
    private final ConnectionConfig config;
    private final ChannelConnector connector;
    private final Scheduler scheduler;
    private final ReconnectionPolicy reconnection;
    private final NodeHealthTracker health;
    private final Clock clock;
    private volatile boolean closed;

    public NodePools(
            ConnectionConfig config,
            ChannelConnector connector,
            Scheduler scheduler,
            ReconnectionPolicy reconnection,
            NodeHealthTracker health,
            Clock clock) {
        this.config = config;
        this.connector = connector;
        this.scheduler = scheduler;
        this.reconnection = reconnection;
        this.health = health;
        this.clock = clock;
    }

    /** The pool of a node, or null when the node is not in the ring the client knows. */
    public NodePool get(String nodeId) {
        return pools.get(nodeId);
    }

    /** Makes the set of pools match the snapshot's members (every node that has not left). */
    public synchronized void update(RingSnapshot snapshot) {
        if (closed) {
            return;
        }
        for (NodeInfo node : snapshot.nodes().values()) {
            if (node.state() == NodeState.LEFT) {
                continue;
            }
            InetSocketAddress address = InetSocketAddress.createUnresolved(node.host(), node.binaryPort());
            NodePool existing = pools.get(node.nodeId());
            if (existing != null && existing.address().equals(address)) {
                continue;
            }
            if (existing != null) {
                LOG.info("node {} moved from {} to {}", node.nodeId(), existing.address(), address);
                existing.close(CallFailure.UNREACHABLE);
            }
            NodePool pool =
                    new NodePool(node.nodeId(), address, config, connector, scheduler, reconnection, health, clock);
            pools.put(node.nodeId(), pool);
            pool.start();
        }
        List<String> gone = new ArrayList<>();
        for (String nodeId : pools.keySet()) {
            NodeInfo node = snapshot.nodes().get(nodeId);
            if (node == null || node.state() == NodeState.LEFT) {
                gone.add(nodeId);
            }
        }
        for (String nodeId : gone) {
            LOG.info("node {} left the ring; closing its connections", nodeId);
            NodePool pool = pools.remove(nodeId);
            health.forget(nodeId);
            pool.close(CallFailure.UNREACHABLE);
        }
    }

    /**
     * First step of closing the client: calls waiting for a slot, and any call made from now on, fail
     * with {@link CallFailure#CLIENT_CLOSED}, so that no request is written while operations are ended.
     */
    public synchronized void refuseNewCalls() {
        closed = true;
        for (NodePool pool : pools.values()) {
            pool.refuseNewCalls(CallFailure.CLIENT_CLOSED);
        }
    }

    /** Closes every pool; calls waiting for a slot fail with {@link CallFailure#CLIENT_CLOSED}. */
    public synchronized void close() {
        closed = true;
        for (NodePool pool : pools.values()) {
            pool.close(CallFailure.CLIENT_CLOSED);
        }
        pools.clear();
    }
}
