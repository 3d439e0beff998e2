package io.ringkv.server.net;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.ringkv.protocol.codec.FlushBatching;
import io.ringkv.protocol.codec.RingKvCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Builds the pipeline of each connection a {@link MessageServer} accepts (idle timer, flush batching, frame codec,
 * {@link ServerConnectionHandler}) and registers the channel so that closing the server closes it.
 */
final class ServerChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final MessageServerConfig config;
    private final MessageHandler handler;
    private final LongSupplier ringVersion;
    private final RequestGate gate;
    private final ServerCounters counters;
    private final ChannelGroup connections;
    private final AtomicLong connectionIds = new AtomicLong();

    ServerChannelInitializer(
            MessageServerConfig config,
            MessageHandler handler,
            LongSupplier ringVersion,
            RequestGate gate,
            ServerCounters counters,
            ChannelGroup connections) {
        this.config = config;
        this.handler = handler;
        this.ringVersion = ringVersion;
        this.gate = gate;
        this.counters = counters;
        this.connections = connections;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        connections.add(channel);
        // Add first, then check: the closing thread sets the flag before it closes the group, so a
        // connection accepted during close is closed by one side or the other.
        if (gate.isClosed()) {
            channel.close();
            return;
        }
        InboundConnection connection =
                new InboundConnection(describe(channel.remoteAddress()), connectionIds.incrementAndGet());
        if (!config.idleTimeout().isZero()) {
            channel.pipeline()
                    .addLast(
                            "idle",
                            new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        }
        channel.pipeline()
                .addLast("flush", FlushBatching.newHandler())
                .addLast("codec", new RingKvCodec(config.limits()))
                .addLast(
                        "requests",
                        new ServerConnectionHandler(
                                connection,
                                handler,
                                ringVersion,
                                gate,
                                counters,
                                config.maxInFlightPerConnection(),
                                config.nodeId()));
    }

    private static String describe(InetSocketAddress address) {
        if (address == null) {
            return "unknown";
        }
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return host + ":" + address.getPort();
    }
}
