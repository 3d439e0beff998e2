package io.ringkv.server.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The node's Netty event loops: one acceptor thread and one group of I/O threads shared by the binary
 * server, the HTTP server and the internode client. Uses epoll where the native transport loads, NIO
 * otherwise. Event-loop threads never block: storage calls go to the storage executor.
 */
public final class EventLoops implements AutoCloseable {

    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final boolean epoll;

    public EventLoops(int ioThreads, String nodeId) {
        this.epoll = Epoll.isAvailable();
        DefaultThreadFactory acceptorThreads = new DefaultThreadFactory("ringkv-" + nodeId + "-accept", true);
        DefaultThreadFactory workerThreads = new DefaultThreadFactory("ringkv-" + nodeId + "-io", true);
        if (epoll) {
            this.acceptors = new EpollEventLoopGroup(1, acceptorThreads);
            this.workers = new EpollEventLoopGroup(ioThreads, workerThreads);
        } else {
            this.acceptors = new NioEventLoopGroup(1, acceptorThreads);
            this.workers = new NioEventLoopGroup(ioThreads, workerThreads);
        }
    }

    public EventLoopGroup acceptors() {
        return acceptors;
    }

    public EventLoopGroup workers() {
        return workers;
    }

    public Class<? extends ServerChannel> serverChannelType() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public Class<? extends SocketChannel> channelType() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    public boolean usesEpoll() {
        return epoll;
    }

    /** Stops accepting at once, then lets queued I/O drain for up to {@code quietPeriod}. */
    public void shutdown(Duration quietPeriod) {
        acceptors.shutdownGracefully(0, quietPeriod.toMillis(), TimeUnit.MILLISECONDS);
        workers.shutdownGracefully(quietPeriod.toMillis() / 4, quietPeriod.toMillis(), TimeUnit.MILLISECONDS)
                .syncUninterruptibly();
        acceptors.terminationFuture().syncUninterruptibly();
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(2));
    }
}
