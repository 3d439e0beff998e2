package io.ringkv.client.internal.channel;

import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.TraceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request to one node, from the moment it asks for an in-flight slot until its reply (or failure).
 * Its future completes exactly once, with the reply envelope or a {@link CallFailedException}; finish
 * hooks (release the slot, forget the request id, cancel the timeout) run once when it does.
 *
 * <p>It also records whether its frame may have reached the node: a write whose frame was handed to
 * the socket and whose connection then broke has an unknown outcome, one that was never written has not
 * happened. The flags err toward "may have reached": a frame counts as sent as soon as its write starts.
 *
 * <p>Thread-safe: completed from event loops, timer tasks and the requester.
 */
public final class PendingCall {

    private final Message body;
    private final long ringVersion;
    private final TraceContext traceContext;
    private final CompletableFuture<Envelope> reply = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final List<Runnable> finishHooks = new ArrayList<>(3);

    private volatile boolean writeStarted;
    private volatile boolean writeFailed;
    private volatile long writeStartedNanos;

    public PendingCall(Message body, long ringVersion, TraceContext traceContext) {
        this.body = body;
        this.ringVersion = ringVersion;
        this.traceContext = traceContext;
    }

    /** The envelope to write, under the request id the connection chose. */
    Envelope envelope(long requestId) {
        return new Envelope(requestId, ringVersion, traceContext, body);
    }

    public Message body() {
        return body;
    }

    /** Completes with the reply or fails with a {@link CallFailedException}. */
    public CompletableFuture<Envelope> future() {
        return reply;
    }

    public boolean isFinished() {
        return finished.get();
    }

    /** True when the request's frame may have reached the node. */
    public boolean mayHaveReachedServer() {
        return writeStarted && !writeFailed;
    }

    /** When the frame was handed to the connection ({@code nanoTime} of the pool's clock); 0 before. */
    public long writeStartedNanos() {
        return writeStartedNanos;
    }

    void markWriteStarted(long nowNanos) {
        writeStartedNanos = nowNanos;
        writeStarted = true;
    }

    void markWriteFailed() {
        writeFailed = true;
    }

    /** Completes the call with its reply; false when it had already finished. */
    public boolean complete(Envelope envelope) {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        runFinishHooks();
        reply.complete(envelope);
        return true;
    }

    /** Fails the call; false when it had already finished. */
    public boolean fail(CallFailure failure, String message, Throwable cause) {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        runFinishHooks();
        reply.completeExceptionally(new CallFailedException(failure, mayHaveReachedServer(), message, cause));
        return true;
    }

    /** Gives up on the call: its slot is released and a late reply is ignored. */
    public void cancel() {
        fail(CallFailure.CANCELLED, "cancelled by the requester", null);
    }

    /** Runs {@code hook} when the call finishes, or now if it already has. */
    public void onFinish(Runnable hook) {
        synchronized (finishHooks) {
            if (!finished.get()) {
                finishHooks.add(hook);
                return;
            }
        }
        hook.run();
    }

    private void runFinishHooks() {
        Runnable[] hooks;
        synchronized (finishHooks) {
            hooks = finishHooks.toArray(new Runnable[0]);
            finishHooks.clear();
        }
        for (Runnable hook : hooks) {
            hook.run();
        }
    }
}
