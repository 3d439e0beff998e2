package io.ringkv.server.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The binary protocol server of a node: one port, many connections, each carrying many requests at once
 * (pipelined; replies go out as their handler stages complete, in any order). Clients and peer nodes
 * both connect here.
 *
 * <p>Per request: the decoded {@link io.ringkv.protocol.message.Envelope} goes to the
 * {@link MessageHandler} on the connection's event loop, and its reply body is sent back as
 * {@code request.reply(ringVersion, body)}. The server itself answers, without calling the handler:
 * <ul>
 *   <li>undecodable frames, with an {@code ErrorReply} carrying the codec's code ({@code definite});
 *       after {@code FRAME_TOO_LARGE} the connection is closed, since its stream cannot be resynchronised;
 *   <li>a request beyond {@link MessageServerConfig#maxInFlightPerConnection()}, with {@code OVERLOADED};
 *   <li>a request arriving while {@link #close(Duration)} drains, with {@code SHUTTING_DOWN};
 *   <li>a failed handler stage, with {@code INTERNAL} ({@code definite = false}: the handler may have
 *       done part of the work); the connection stays open.
 * </ul>
 * A connection whose peer does not read its replies stops being read until its outbound buffer drains.
 *
 * <p>Lifecycle: {@link #start} binds and serves; {@link #close(Duration)} stops accepting, lets
 * admitted requests finish for up to the drain time, then closes every connection. Thread-safe; close
 * must not be called on one of the node's event loops (it waits for them).
 */
public final class MessageServer implements AutoCloseable {

    /** Drain time of {@link #close()}: long enough for a replica write, short enough for a SIGTERM budget. */
    public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(MessageServer.class);

    private final MessageServerConfig config;
    private final EventLoops loops;
    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final RequestGate gate;
    private final ServerCounters counters;
    private final int port;
    private final AtomicBoolean closing = new AtomicBoolean();

    private MessageServer(
            MessageServerConfig config,
            EventLoops loops,
            Channel serverChannel,
            ChannelGroup connections,
            RequestGate gate,
            ServerCounters counters) {
        this.config = config;
        this.loops = loops;
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.gate = gate;
        this.counters = counters;
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * Binds {@code config.host():config.port()} and starts serving on {@code loops}.
     *
     * @param ringVersion read for every reply, so replies carry this node's current ring version
     * @throws io.netty.channel.ChannelException or a {@link java.net.BindException} when the address
     *     cannot be bound
     */
    public static MessageServer start(
            MessageServerConfig config, EventLoops loops, MessageHandler handler, LongSupplier ringVersion) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(loops, "loops");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(ringVersion, "ringVersion");
        RequestGate gate = new RequestGate();
        ServerCounters counters = new ServerCounters();
        ChannelGroup connections =
                new DefaultChannelGroup("ringkv-" + config.nodeId() + "-connections", GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops.acceptors(), loops.workers())
                .channel(loops.serverChannelType())
                // A restarted node rebinds its port while old connections still linger in TIME_WAIT.
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ServerChannelInitializer(config, handler, ringVersion, gate, counters, connections));
        Channel serverChannel = bootstrap
                .bind(config.host(), config.port())
                .syncUninterruptibly()
                .channel();
        MessageServer server = new MessageServer(config, loops, serverChannel, connections, gate, counters);
        LOG.info("binary protocol server of {} listening on {}:{}", config.nodeId(), config.host(), server.port);
        return server;
    }

    /** The bound port (the chosen one when the config asked for port 0). */
    public int port() {
        return port;
    }

    public ServerCounters counters() {
        return counters;
    }

    /** Requests handed to the handler and not yet answered, over all connections. */
    public int inFlightRequests() {
        return gate.inFlight();
    }

    /** True once {@link #close(Duration)} has started: new requests are refused. */
    boolean isDraining() {
        return gate.isDraining();
    }

    /** Closes with the {@link #DEFAULT_DRAIN} time. */
    @Override
    public void close() {
        close(DEFAULT_DRAIN);
    }

    /**
     * Stops accepting connections, answers new requests {@code SHUTTING_DOWN}, waits up to {@code drain}
     * for admitted requests to be answered, then closes every connection (requests still unanswered then
     * are lost to their senders as a closed connection: an unknown outcome). Blocks the caller; calling it
     * again, or while it runs, returns at once.
     *
     * @throws IllegalStateException when called on one of the node's event loops
     */
    public void close(Duration drain) {
        Objects.requireNonNull(drain, "drain");
        requireNotOnEventLoop();
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        gate.startDraining();
        serverChannel.close().awaitUninterruptibly();
        if (!gate.awaitDrained(drain)) {
            LOG.warn(
                    "{} requests still in flight after draining for {}; closing their connections",
                    gate.inFlight(),
                    drain);
        }
        gate.markClosed();
        connections.close().awaitUninterruptibly();
        LOG.info("binary protocol server of {} on port {} stopped", config.nodeId(), port);
    }

    private void requireNotOnEventLoop() {
        if (runsOn(loops.workers()) || runsOn(loops.acceptors())) {
            throw new IllegalStateException("MessageServer.close must not run on an event loop: it waits for them");
        }
    }

    private static boolean runsOn(EventLoopGroup group) {
        for (EventExecutor executor : group) {
            if (executor.inEventLoop()) {
                return true;
            }
        }
        return false;
    }
}
