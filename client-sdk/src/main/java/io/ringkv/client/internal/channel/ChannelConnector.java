package io.ringkv.client.internal.channel;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.protocol.codec.FlushBatching;
import io.ringkv.protocol.codec.RingKvCodec;
import io.ringkv.time.Clock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Opens connections to nodes: NIO sockets (the client does not need epoll) with TCP_NODELAY, the RingKV
 * frame codec, flush consolidation (many small requests written by one event-loop pass go out in one
 * system call) and a {@link ResponseHandler}. Shared by all node pools and the seed fetcher.
 */
public final class ChannelConnector {

    private final Bootstrap bootstrap;
    private final ProtocolLimits limits;
    private final Clock clock;

    public ChannelConnector(EventLoopGroup group, ProtocolLimits limits, Duration connectTimeout, Clock clock) {
        this(group, limits, connectTimeout, null, clock);
    }

    /** @param localAddress the address connections bind to (ephemeral port), or {@code null} for any */
    public ChannelConnector(
            EventLoopGroup group,
            ProtocolLimits limits,
            Duration connectTimeout,
            InetAddress localAddress,
            Clock clock) {
        this.limits = limits;
        this.clock = clock;
        Bootstrap configured = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis());
        this.bootstrap = localAddress == null ? configured : configured.localAddress(localAddress, 0);
    }

    /** Connects to {@code address}; the future fails with the connect error. */
    public CompletableFuture<ClientConnection> connect(InetSocketAddress address) {
        String peer = address.getHostString() + ":" + address.getPort();
        ResponseHandler responses = new ResponseHandler(peer);
        CompletableFuture<ClientConnection> result = new CompletableFuture<>();
        Bootstrap connecting = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline()
                        .addLast("flush", FlushBatching.newHandler())
                        .addLast("codec", new RingKvCodec(limits))
                        .addLast("responses", responses);
            }
        });
        // An unresolved address is resolved by Netty when connecting, so DNS changes are picked up.
        ChannelFuture connect = connecting.connect(address);
        connect.addListener(connected -> {
            if (connected.isSuccess()) {
                Channel channel = connect.channel();
                result.complete(new ClientConnection(channel, responses, clock));
            } else {
                result.completeExceptionally(connected.cause());
            }
        });
        return result;
    }
}
