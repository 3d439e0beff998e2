package io.ringkv.client.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.ringkv.protocol.codec.RingKvCodec;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.RingSnapshotRequest;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted stand-in for a RingKV node on 127.0.0.1: answers ring snapshot requests with its
 * cluster's ring, hands every other request to its {@link Responder}, and records what it received.
 * It can be stopped (all connections closed, port freed) and restarted on the same port.
 */
public final class FakeNode {

    private final String nodeId;
    private final FakeCluster cluster;
    private final EventLoopGroup group;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Queue<Envelope> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger snapshotRequests = new AtomicInteger();
    private volatile Responder responder = Responder.STORE;
    private volatile Long ringVersionOverride;
    private volatile Channel serverChannel;
    private volatile int port;
    private volatile boolean running;

    FakeNode(String nodeId, FakeCluster cluster, EventLoopGroup group) {
        this.nodeId = nodeId;
        this.cluster = cluster;
        this.group = group;
    }

    public String nodeId() {
        return nodeId;
    }

    public int port() {
        return port;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    FakeCluster cluster() {
        return cluster;
    }

    /** Binds (an ephemeral port the first time, the same port afterwards). */
    public synchronized FakeNode start() {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (!running) {
                            // Accepted just before stop(): a stopped node serves nothing.
                            channel.close();
                            return;
                        }
                        connections.add(channel);
                        channel.pipeline().addLast(new RingKvCodec()).addLast(new Handler());
                    }
                });
        serverChannel = bootstrap
                .bind(new InetSocketAddress("127.0.0.1", port))
                .syncUninterruptibly()
                .channel();
        port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        running = true;
        return this;
    }

    /** Closes the listening socket and every connection. */
    public synchronized void stop() {
        running = false;
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        connections.close().syncUninterruptibly();
    }

    /** Closes the open connections but keeps listening. */
    public void dropConnections() {
        connections.close().syncUninterruptibly();
    }

    public void respondWith(Responder newResponder) {
        this.responder = newResponder;
    }

    /** Makes this node stamp replies with {@code version} instead of the cluster's ring version. */
    public void announceRingVersion(long version) {
        this.ringVersionOverride = version;
    }

    long ringVersion() {
        Long override = ringVersionOverride;
        return override != null ? override : cluster.ringVersion();
    }

    /** Client requests received (not ring snapshot requests), in arrival order. */
    public List<Envelope> received() {
        return new ArrayList<>(received);
    }

    /** Bodies of the received client requests of one type. */
    public <T extends Message> List<T> received(Class<T> type) {
        List<T> bodies = new ArrayList<>();
        for (Envelope envelope : received) {
            if (type.isInstance(envelope.body())) {
                bodies.add(type.cast(envelope.body()));
            }
        }
        return bodies;
    }

    public int snapshotRequests() {
        return snapshotRequests.get();
    }

    public void clearReceived() {
        received.clear();
    }

    private final class Handler extends SimpleChannelInboundHandler<Object> {
        @Override
        protected void channelRead0(ChannelHandlerContext context, Object message) {
            if (!(message instanceof Envelope envelope)) {
                return;
            }
            if (envelope.body() instanceof RingSnapshotRequest) {
                snapshotRequests.incrementAndGet();
                context.writeAndFlush(envelope.reply(ringVersion(), cluster.snapshotReply()));
                return;
            }
            received.add(envelope);
            responder.handle(new FakeExchange(FakeNode.this, context, envelope));
        }
    }
}
