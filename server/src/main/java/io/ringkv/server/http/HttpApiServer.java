package io.ringkv.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.ringkv.server.admin.AdminService;
import io.ringkv.server.coordinator.KeyValueService;
import java.net.InetSocketAddress;

/**
 * The {@code curl}-able front end: binds one port and serves {@code /kv/{key}} and {@code /admin/*}.
 *
 * <p>Runs on the node's shared event loops; the handlers never block (they hand work to the
 * {@link KeyValueService}, whose stages complete elsewhere).
 */
public final class HttpApiServer implements AutoCloseable {

    private final Channel channel;

    private HttpApiServer(Channel channel) {
        this.channel = channel;
    }

    /** Binds and starts serving; fails if the address is taken. */
    public static HttpApiServer start(
            InetSocketAddress address,
            EventLoopGroup bossGroup,
            EventLoopGroup workerGroup,
            Class<? extends ServerChannel> channelType,
            KeyValueService keyValueService,
            AdminService adminService,
            int maxBodyBytes) {
        KvHttpHandler kvHandler = new KvHttpHandler(keyValueService, adminService);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(channelType)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast("http", new HttpServerCodec(4096, 16 * 1024, 8192))
                                .addLast("keepAlive", new HttpServerKeepAliveHandler())
                                .addLast("aggregate", new HttpObjectAggregator(maxBodyBytes))
                                .addLast("kv", kvHandler);
                    }
                });
        Channel bound = bootstrap.bind(address).syncUninterruptibly().channel();
        return new HttpApiServer(bound);
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
