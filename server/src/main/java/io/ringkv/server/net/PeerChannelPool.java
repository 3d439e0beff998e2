package io.ringkv.server.net;

import io.netty.channel.ChannelFuture;
import io.ringkv.server.net.PeerRequestException.Reason;
import io.ringkv.time.Clock;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link InternodeClient}'s connections to one peer address: a fixed number of slots used
 * round-robin, each connected lazily on first use and again after it broke, plus the peer's
 * in-flight bound and the reconnect backoff.
 *
 * <p>Backoff: a failed connect attempt makes further attempts to this address wait
 * ({@link ReconnectBackoff}); until then a request uses any other live connection or fails fast. A
 * connection that breaks after it was established is reconnected on the next request at once.
 *
 * <p>Thread-safe: slot and backoff state are guarded by this pool's monitor, which is never held while
 * connecting or completing futures.
 */
final class PeerChannelPool {

    private static final Logger LOG = LoggerFactory.getLogger(PeerChannelPool.class);

    private final InetSocketAddress address;
    private final Function<InetSocketAddress, ChannelFuture> connector;
    private final ReconnectBackoff backoff;
    private final Clock clock;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger nextSlot = new AtomicInteger();

    // Each slot is null (never connected, or the last attempt failed), connecting, or connected.
    private final List<CompletableFuture<PeerConnection>> slots; // guarded by this
    private int consecutiveFailures; // guarded by this
    private long retryAtNanos; // guarded by this
    private boolean closed; // guarded by this

    PeerChannelPool(
            InetSocketAddress address,
            int connections,
            int maxInFlight,
            Function<InetSocketAddress, ChannelFuture> connector,
            ReconnectBackoff backoff,
            Clock clock) {
        this.address = address;
        this.connector = connector;
        this.backoff = backoff;
        this.clock = clock;
        this.maxInFlight = maxInFlight;
        this.slots = new ArrayList<>(connections);
        for (int i = 0; i < connections; i++) {
            slots.add(null);
        }
    }

    /** Reserves room for one more request; false when the peer already has the maximum in flight. */
    boolean tryAcquire() {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    void release() {
        inFlight.decrementAndGet();
    }

    int inFlight() {
        return inFlight.get();
    }

    int maxInFlight() {
        return maxInFlight;
    }

    /**
     * The next connection round-robin, connecting it if needed. Fails with a {@link ConnectException}
     * while backing off (or when the connect fails), with a {@link ClosedChannelException} once closed.
     */
    CompletableFuture<PeerConnection> connection() {
        int index = Math.floorMod(nextSlot.getAndIncrement(), slots.size());
        CompletableFuture<PeerConnection> connecting;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new ClosedChannelException());
            }
            CompletableFuture<PeerConnection> current = slots.get(index);
            if (isUsable(current)) {
                return current;
            }
            long waitNanos = retryAtNanos - clock.nanoTime();
            if (consecutiveFailures > 0 && waitNanos > 0) {
                CompletableFuture<PeerConnection> other = anyUsableSlot();
                if (other != null) {
                    return other;
                }
                return CompletableFuture.failedFuture(new ConnectException("not connecting to " + address
                        + " for another " + TimeUnit.NANOSECONDS.toMillis(waitNanos) + " ms after "
                        + consecutiveFailures + " failed attempt(s)"));
            }
            connecting = new CompletableFuture<>();
            slots.set(index, connecting);
        }
        // Outside the monitor: the listener may run inline, and it takes the monitor itself.
        connector.apply(address).addListener((ChannelFuture attempt) -> onConnectAttempt(index, connecting, attempt));
        return connecting;
    }

    /** Lets the next request connect at once, whatever attempts failed before. */
    synchronized void resetBackoff() {
        consecutiveFailures = 0;
        retryAtNanos = 0;
    }

    /**
     * Stops connecting, fails the requests on established connections with
     * {@link Reason#CLOSED} and starts closing them.
     *
     * @return the close futures of the established connections
     */
    List<ChannelFuture> close() {
        List<PeerConnection> open = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (CompletableFuture<PeerConnection> slot : slots) {
                if (slot != null && slot.isDone() && !slot.isCompletedExceptionally()) {
                    open.add(slot.join());
                }
            }
        }
        List<ChannelFuture> closing = new ArrayList<>(open.size());
        for (PeerConnection connection : open) {
            connection.failAll(Reason.CLOSED, "internode client closed");
            closing.add(connection.close());
        }
        return closing;
    }

    private void onConnectAttempt(int index, CompletableFuture<PeerConnection> connecting, ChannelFuture attempt) {
        boolean closeAtOnce = false;
        int failures;
        long delayNanos = 0;
        synchronized (this) {
            if (attempt.isSuccess()) {
                consecutiveFailures = 0;
                closeAtOnce = closed;
            } else {
                consecutiveFailures++;
                delayNanos = backoff.delayNanos(consecutiveFailures);
                retryAtNanos = clock.nanoTime() + delayNanos;
                if (slots.get(index) == connecting) {
                    slots.set(index, null);
                }
            }
            failures = consecutiveFailures;
        }
        if (!attempt.isSuccess()) {
            LOG.debug(
                    "connect to {} failed (attempt {}), next attempt in {} ms: {}",
                    address,
                    failures,
                    TimeUnit.NANOSECONDS.toMillis(delayNanos),
                    String.valueOf(attempt.cause()));
            connecting.completeExceptionally(attempt.cause());
            return;
        }
        if (closeAtOnce) {
            attempt.channel().close();
            connecting.completeExceptionally(new ClosedChannelException());
            return;
        }
        LOG.debug("connected to {} from {}", address, attempt.channel().localAddress());
        connecting.complete(attempt.channel().pipeline().get(PeerConnection.class));
    }

    private CompletableFuture<PeerConnection> anyUsableSlot() {
        for (CompletableFuture<PeerConnection> slot : slots) {
            if (isUsable(slot)) {
                return slot;
            }
        }
        return null;
    }

    /** Connecting, or connected and still open. */
    private static boolean isUsable(CompletableFuture<PeerConnection> slot) {
        if (slot == null) {
            return false;
        }
        if (!slot.isDone()) {
            return true;
        }
        return !slot.isCompletedExceptionally() && slot.join().isActive();
    }
}
