package io.ringkv.server.net;

import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.server.net.PeerRequestException.Reason;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@link InternodeClient} request from {@code send} until its outcome: the reply, or a
 * {@link PeerRequestException}. It is also the request's timer task, so the client's wheel timer holds
 * exactly one entry per outstanding request (which is how {@link InternodeClient#close()} finds them).
 *
 * <p>Whoever settles it first wins (reply on an event loop, timeout on the timer thread, connection loss,
 * close); the rest are no-ops. Settling cancels the timeout.
 */
final class PendingRequest implements TimerTask {

    private final String peerNodeId;
    private final long timeoutMillis;
    private final boolean linkBlocked;
    private final Runnable onSettled;
    private final CompletableFuture<Envelope> result = new CompletableFuture<>();
    private final AtomicBoolean settled = new AtomicBoolean();

    private volatile Timeout timeout;
    // Written before connection, read after it: the volatile connection publishes the id.
    private volatile long requestId;
    private volatile PeerConnection connection;

    /**
     * @param onSettled runs once, just before the result completes, so that bookkeeping such as the
     *     in-flight count is up to date by the time the caller sees the outcome
     */
    PendingRequest(String peerNodeId, long timeoutMillis, boolean linkBlocked, Runnable onSettled) {
        this.peerNodeId = peerNodeId;
        this.timeoutMillis = timeoutMillis;
        this.linkBlocked = linkBlocked;
        this.onSettled = onSettled;
    }

    String peerNodeId() {
        return peerNodeId;
    }

    /** True when the link filter blocked the peer at send time: the request is never sent. */
    boolean linkBlocked() {
        return linkBlocked;
    }

    CompletableFuture<Envelope> result() {
        return result;
    }

    boolean isDone() {
        return settled.get();
    }

    void setTimeout(Timeout scheduled) {
        this.timeout = scheduled;
        if (settled.get()) {
            scheduled.cancel();
        }
    }

    /**
     * Records that the request is registered on {@code owner} under {@code id}, so a timeout can
     * unregister it. False when it was settled meanwhile and must not be sent.
     */
    boolean attach(PeerConnection owner, long id) {
        this.requestId = id;
        this.connection = owner;
        return !settled.get();
    }

    void complete(Envelope reply) {
        if (settle()) {
            result.complete(reply);
        }
    }

    void fail(Reason reason, String detail, Throwable cause) {
        if (settle()) {
            result.completeExceptionally(new PeerRequestException(reason, peerNodeId, detail, cause));
        }
    }

    /** The timeout fired. */
    @Override
    public void run(Timeout expired) {
        if (linkBlocked) {
            // A partition looks like silence, so the caller learns of it only when it would have given up.
            fail(Reason.LINK_BLOCKED, "link blocked, no reply within " + timeoutMillis + " ms", null);
            return;
        }
        PeerConnection owner = connection;
        if (owner != null) {
            owner.forget(requestId);
        }
        fail(Reason.TIMEOUT, "no reply within " + timeoutMillis + " ms", null);
    }

    private boolean settle() {
        if (!settled.compareAndSet(false, true)) {
            return false;
        }
        Timeout scheduled = timeout;
        if (scheduled != null) {
            scheduled.cancel();
        }
        onSettled.run();
        return true;
    }
}
