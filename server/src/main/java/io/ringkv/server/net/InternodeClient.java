package io.ringkv.server.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ringkv.protocol.codec.FlushBatching;
import io.ringkv.protocol.codec.RingKvCodec;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.TraceContext;
import io.ringkv.server.net.PeerRequestException.Reason;
import io.ringkv.time.Clock;
import io.ringkv.time.SystemClock;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Sends requests to peer nodes over the binary protocol and completes each with the peer's reply
 * envelope, or with a {@link PeerRequestException} saying why there is none.
 *
 * <p>Connections: {@link InternodeClientConfig#connectionsPerPeer()} per peer address, opened on first
 * use and reopened on the first request after one breaks; requests are spread over them round-robin and
 * many are in flight on each at once (a request id unique per connection pairs replies). After a failed
 * connect attempt the address is left alone for an exponential, jittered backoff, during which requests
 * fail fast with {@link Reason#CONNECT_FAILED}. More than
 * {@link InternodeClientConfig#maxInFlightPerPeer()} requests outstanding to an address fail fast with
 * {@link Reason#OVERLOADED}, so a dead or slow peer cannot make this node's memory grow without bound.
 *
 * <p>Requests are independent: nothing orders one after another (those waiting for a connection to
 * open, for instance, go out in no particular order).
 *
 * <p>Partitions: when the {@link LinkFilter} blocks the peer, the request is not sent and fails with
 * {@link Reason#LINK_BLOCKED} once its timeout has elapsed, like silence on a real partition; a reply
 * arriving from a peer blocked meanwhile is dropped, so that request times out.
 *
 * <p>An {@code ErrorReply} from the peer is a reply, not an exception. The client itself answers with an
 * {@code ErrorReply} envelope in two cases where the peer's verdict is already known: a request that
 * cannot be encoded (e.g. over {@code maxFrameBytes}; {@code definite}, nothing was sent) and a reply
 * that cannot be decoded (the codec's code, not {@code definite}).
 *
 * <p>Threading: {@link #send} may be called from any thread and never blocks. Stages complete on an event
 * loop (replies, connection loss), on the client's timer thread (timeouts, blocked links) or on the
 * calling thread (fast failures), so callbacks must be short and non-blocking. Timeouts run on one
 * {@link HashedWheelTimer} (10 ms ticks) owned by the client. {@link #close()} blocks briefly and must
 * not be called on an event loop.
 */
public final class InternodeClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InternodeClient.class);

    /** Timeouts of internode requests are tens of milliseconds and up; a finer tick buys nothing. */
    private static final long TIMER_TICK_MILLIS = 10;

    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final InternodeClientConfig config;
    private final LinkFilter linkFilter;
    private final Clock clock;
    private final ReconnectBackoff backoff;
    private final Bootstrap bootstrap;
    private final HashedWheelTimer timer;
    private final ConcurrentMap<InetSocketAddress, PeerChannelPool> pools = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongAdder lateReplies = new LongAdder();

    /** A client on the system clock with unseeded jitter, as a node runs it. */
    public InternodeClient(
            InternodeClientConfig config, EventLoops loops, LinkFilter linkFilter, LongSupplier ringVersion) {
        this(config, loops, linkFilter, ringVersion, SystemClock.INSTANCE, RandomGenerator.getDefault());
    }

    /**
     * @param ringVersion read for every request, so requests carry this node's current ring version
     * @param clock       measures the reconnect backoff
     * @param random      draws the backoff jitter (seed it in tests)
     */
    public InternodeClient(
            InternodeClientConfig config,
            EventLoops loops,
            LinkFilter linkFilter,
            LongSupplier ringVersion,
            Clock clock,
            RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(loops, "loops");
        this.linkFilter = Objects.requireNonNull(linkFilter, "linkFilter");
        Objects.requireNonNull(ringVersion, "ringVersion");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = new ReconnectBackoff(
                config.reconnectBackoffMin(), config.reconnectBackoffMax(), Objects.requireNonNull(random, "random"));
        this.timer = new HashedWheelTimer(timerThreads(config.localNodeId()), TIMER_TICK_MILLIS, TimeUnit.MILLISECONDS);
        this.bootstrap = new Bootstrap()
                .group(loops.workers())
                .channel(loops.channelType())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        config.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast("flush", FlushBatching.newHandler())
                                .addLast("codec", new RingKvCodec(config.limits()))
                                .addLast(
                                        "replies",
                                        new PeerConnection(
                                                channel, linkFilter, ringVersion, config.localNodeId(), lateReplies));
                    }
                });
    }

    /**
     * Sends {@code body} to {@code peerNodeId} at {@code address} and completes with its reply.
     *
     * @param trace         trace context to propagate; {@code null} for none
     * @param timeoutMillis how long to wait for the reply, connecting included
     * @return the reply envelope (its request id is the one this client chose), or a failure with a
     *     {@link PeerRequestException}
     */
    public CompletionStage<Envelope> send(
            String peerNodeId, InetSocketAddress address, Message body, TraceContext trace, long timeoutMillis) {
        Objects.requireNonNull(peerNodeId, "peerNodeId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(body, "body");
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeoutMillis must be positive, was " + timeoutMillis);
        }
        if (closed.get()) {
            return failed(Reason.CLOSED, peerNodeId, "internode client is closed");
        }
        PeerChannelPool pool = pools.computeIfAbsent(address, this::newPool);
        if (!pool.tryAcquire()) {
            return failed(Reason.OVERLOADED, peerNodeId, pool.maxInFlight() + " requests in flight to " + address);
        }
        PendingRequest request =
                new PendingRequest(peerNodeId, timeoutMillis, !linkFilter.allows(peerNodeId), pool::release);
        if (!scheduleTimeout(request, timeoutMillis) || request.linkBlocked()) {
            return request.result().minimalCompletionStage();
        }
        pool.connection().whenComplete((connection, failure) -> {
            if (failure != null) {
                onNoConnection(request, address, failure);
            } else if (!request.isDone()) {
                connection.send(request, body, trace == null ? TraceContext.EMPTY : trace);
            }
        });
        return request.result().minimalCompletionStage();
    }

    /**
     * Sends {@code body} without waiting for the outcome (for messages such as a gossip ack2, whose loss
     * costs only a little delay). It is {@link #send} with the result ignored: the request takes part in
     * the in-flight bound until the peer's reply arrives, to be discarded, or {@code timeoutMillis}
     * passes, so pass a short timeout. Failures are logged at debug level only.
     */
    public void sendOneWay(
            String peerNodeId, InetSocketAddress address, Message body, TraceContext trace, long timeoutMillis) {
        send(peerNodeId, address, body, trace, timeoutMillis).whenComplete((reply, failure) -> {
            if (failure != null) {
                LOG.debug("one-way {} to {} not confirmed: {}", body.kind(), peerNodeId, failure.getMessage());
            }
        });
    }

    /**
     * Forgets the failed connect attempts to {@code address}, so the next request connects at once
     * instead of failing fast until the backoff runs out. Called when gossip hears from the peer again:
     * a node that restarted within the backoff window must not stay unreachable for seconds after its
     * peers already count it as up.
     */
    public void peerCameUp(InetSocketAddress address) {
        PeerChannelPool pool = pools.get(address);
        if (pool != null) {
            pool.resetBackoff();
        }
    }

    /** Requests outstanding to {@code address} (sent, connecting or awaiting a blocked link's timeout). */
    public int inFlightRequests(InetSocketAddress address) {
        PeerChannelPool pool = pools.get(address);
        return pool == null ? 0 : pool.inFlight();
    }

    /** Replies that matched no waiting request (they came after their request's timeout) and were dropped. */
    public long lateRepliesDropped() {
        return lateReplies.sum();
    }

    /**
     * Fails every outstanding request with {@link Reason#CLOSED}, closes the connections and stops the
     * timer. Later sends fail with {@link Reason#CLOSED}. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<ChannelFuture> closing = new ArrayList<>();
        for (PeerChannelPool pool : pools.values()) {
            closing.addAll(pool.close());
        }
        // Every outstanding request owns exactly one timer entry: this also reaches the ones still
        // connecting or waiting out a blocked link.
        for (Timeout timeout : timer.stop()) {
            if (timeout.task() instanceof PendingRequest request) {
                request.fail(Reason.CLOSED, "internode client closed", null);
            }
        }
        for (ChannelFuture channelClosing : closing) {
            channelClosing.awaitUninterruptibly(CLOSE_WAIT_MILLIS);
        }
        LOG.debug("internode client of {} closed", config.localNodeId());
    }

    private PeerChannelPool newPool(InetSocketAddress address) {
        return new PeerChannelPool(
                address, config.connectionsPerPeer(), config.maxInFlightPerPeer(), this::connect, backoff, clock);
    }

    private ChannelFuture connect(InetSocketAddress address) {
        if (config.bindHost() == null) {
            return bootstrap.connect(address);
        }
        return bootstrap.connect(address, new InetSocketAddress(config.bindHost(), 0));
    }

    private boolean scheduleTimeout(PendingRequest request, long timeoutMillis) {
        try {
            request.setTimeout(timer.newTimeout(request, timeoutMillis, TimeUnit.MILLISECONDS));
            return true;
        } catch (IllegalStateException e) {
            // The timer refuses new work once stopped: close() raced with this send.
            request.fail(Reason.CLOSED, "internode client is closed", null);
            return false;
        }
    }

    private void onNoConnection(PendingRequest request, InetSocketAddress address, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (closed.get()) {
            request.fail(Reason.CLOSED, "internode client is closed", null);
        } else {
            request.fail(Reason.CONNECT_FAILED, "cannot connect to " + address + ": " + cause.getMessage(), cause);
        }
    }

    private static CompletionStage<Envelope> failed(Reason reason, String peerNodeId, String detail) {
        return CompletableFuture.failedStage(new PeerRequestException(reason, peerNodeId, detail));
    }

    private static ThreadFactory timerThreads(String localNodeId) {
        DefaultThreadFactory threads = new DefaultThreadFactory("ringkv-" + localNodeId + "-internode-timer", true);
        return task -> threads.newThread(() -> {
            MDC.put("node", localNodeId);
            task.run();
        });
    }
}
