package io.ringkv.benchmarks.load.raw;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ringkv.benchmarks.load.OperationFailure;
import io.ringkv.protocol.codec.FlushBatching;
import io.ringkv.protocol.codec.RingKvCodec;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.RingSnapshotReply;
import io.ringkv.protocol.message.RingSnapshotRequest;
import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.NodeState;
import io.ringkv.ring.RingSnapshot;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The raw client: fetches the ring once from the first seed that answers, then holds a fixed pool of
 * connections to every node of it. It sends any message to a named node; routing is the caller's job.
 * The ring is never refreshed, so the cluster must keep its membership while the client runs.
 *
 * <p>The pipeline matches the SDK's (NIO, TCP_NODELAY, flush consolidation, the RingKV codec), so the
 * two are compared on the same frames and socket settings. Thread-safe.
 */
public final class RawClient implements AutoCloseable {

    private static final long RING_FETCH_TIMEOUT_MILLIS = 5_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final EventLoopGroup group;
    private final HashedWheelTimer timer;
    private final Bootstrap bootstrap;
    private final Map<String, RawNodePool> pools = new HashMap<>();
    private RingSnapshot ring;

    private RawClient(int ioThreads) {
        this.group = new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("raw-client-io", true));
        // 10 ms ticks: timeouts are a safety net of seconds, so a coarse wheel is the cheapest timer.
        this.timer =
                new HashedWheelTimer(new DefaultThreadFactory("raw-client-timer", true), 10, TimeUnit.MILLISECONDS);
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS);
    }

    /**
     * Connects: asks the seeds in turn for the ring, then opens {@code connectionsPerNode} connections
     * to every node of the ring that has not left. A node that cannot be reached gets no pool, and
     * requests to it fail with {@code client:CONNECTION_LOST}.
     *
     * @throws IllegalStateException when no seed answered with a ring
     */
    public static RawClient connect(List<InetSocketAddress> seeds, int connectionsPerNode, int ioThreads) {
        if (connectionsPerNode < 1) {
            throw new IllegalArgumentException("connections per node must be positive, was " + connectionsPerNode);
        }
        RawClient client = new RawClient(ioThreads);
        try {
            client.ring = client.fetchRing(seeds);
            for (NodeInfo node : client.ring.nodes().values()) {
                if (node.state() == NodeState.LEFT) {
                    continue;
                }
                List<RawConnection> connections = new ArrayList<>();
                InetSocketAddress address = new InetSocketAddress(node.host(), node.binaryPort());
                for (int i = 0; i < connectionsPerNode; i++) {
                    client.open(address).ifPresent(connections::add);
                }
                if (!connections.isEmpty()) {
                    client.pools.put(node.nodeId(), new RawNodePool(connections));
                }
            }
            return client;
        } catch (RuntimeException failure) {
            client.close();
            throw failure;
        }
    }

    private RingSnapshot fetchRing(List<InetSocketAddress> seeds) {
        List<String> problems = new ArrayList<>();
        for (InetSocketAddress seed : seeds) {
            Optional<RawConnection> connection = open(seed);
            if (connection.isEmpty()) {
                problems.add(seed + ": connection refused or timed out");
                continue;
            }
            try {
                Message reply = connection
                        .get()
                        .send(RingSnapshotRequest.INSTANCE, 0, RING_FETCH_TIMEOUT_MILLIS)
                        .join();
                if (reply instanceof RingSnapshotReply snapshot && snapshot.partitionCount() > 0) {
                    return RingSnapshotMapping.toSnapshot(snapshot);
                }
                problems.add(seed + ": answered " + reply);
            } catch (CompletionException failure) {
                problems.add(seed + ": " + failure.getCause().getMessage());
            } finally {
                connection.get().close();
            }
        }
        throw new IllegalStateException("no seed answered with a ring: " + problems);
    }

    private Optional<RawConnection> open(InetSocketAddress address) {
        PendingReplies replies = new PendingReplies();
        Bootstrap connecting = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline()
                        .addLast("flush", FlushBatching.newHandler())
                        .addLast("codec", new RingKvCodec())
                        .addLast("replies", replies);
            }
        });
        ChannelFuture connect = connecting.connect(address).awaitUninterruptibly();
        if (!connect.isSuccess()) {
            return Optional.empty();
        }
        Channel channel = connect.channel();
        return Optional.of(new RawConnection(channel, replies, timer));
    }

    /** The ring fetched at start-up. */
    public RingSnapshot ring() {
        return ring;
    }

    /** Whether the client holds at least one open connection to the node. */
    public boolean isConnected(String nodeId) {
        RawNodePool pool = pools.get(nodeId);
        return pool != null && pool.isActive();
    }

    /**
     * Sends {@code body} to the node on the next connection of its pool and completes with the reply
     * body; an {@link ErrorReply} fails the stage with the matching {@link OperationFailure}.
     */
    public CompletableFuture<Message> send(String nodeId, Message body, long timeoutMillis) {
        RawNodePool pool = pools.get(nodeId);
        if (pool == null) {
            return CompletableFuture.failedFuture(
                    OperationFailure.client("CONNECTION_LOST", "no connection to " + nodeId, null));
        }
        return pool.next().send(body, ring.version(), timeoutMillis).thenApply(RawClient::failOnError);
    }

    private static Message failOnError(Message reply) {
        if (reply instanceof ErrorReply error) {
            throw OperationFailure.server(error.code(), error.message());
        }
        return reply;
    }

    @Override
    public void close() {
        pools.values().forEach(RawNodePool::close);
        timer.stop();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
