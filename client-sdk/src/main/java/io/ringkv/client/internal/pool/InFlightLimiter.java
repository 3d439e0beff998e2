package io.ringkv.client.internal.pool;

import io.ringkv.client.config.BackpressureMode;
import io.ringkv.client.internal.channel.CallFailure;
import io.ringkv.client.internal.channel.PendingCall;
import io.ringkv.client.internal.timer.Scheduler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Bounds the requests in flight to one node. A call that gets a slot is handed to the dispatcher at once;
 * a call that does not is refused ({@link BackpressureMode#FAIL_FAST}) or waits in a queue of bounded
 * length for a bounded time ({@link BackpressureMode#WAIT}), then is refused. A refused call fails with
 * {@link CallFailure#SATURATED}, never having been sent.
 *
 * <p>The slot is released when the call finishes, however it finishes. Thread-safe; the small critical
 * sections hold the monitor, and calls are dispatched and failed outside it.
 */
public final class InFlightLimiter {

    private final int maxInFlight;
    private final BackpressureMode mode;
    private final int maxQueued;
    private final long maxWaitNanos;
    private final Scheduler scheduler;
    private final Consumer<PendingCall> dispatcher;
    private final String nodeId;

    private final ArrayDeque<PendingCall> waiting = new ArrayDeque<>();
    private int inFlight;
    private CallFailure closedWith;

    public InFlightLimiter(
            String nodeId,
            int maxInFlight,
            BackpressureMode mode,
            int maxQueued,
            long maxWaitNanos,
            Scheduler scheduler,
            Consumer<PendingCall> dispatcher) {
        this.nodeId = nodeId;
        this.maxInFlight = maxInFlight;
        this.mode = mode;
        this.maxQueued = maxQueued;
        this.maxWaitNanos = maxWaitNanos;
        this.scheduler = scheduler;
        this.dispatcher = dispatcher;
    }

    /** Dispatches {@code call} when a slot is free now or, in wait mode, later; otherwise fails it. */
    public void submit(PendingCall call) {
        boolean granted = false;
        boolean queued = false;
        CallFailure refusedWith;
        synchronized (this) {
            refusedWith = closedWith;
            if (refusedWith == null) {
                if (inFlight < maxInFlight) {
                    inFlight++;
                    granted = true;
                } else if (mode == BackpressureMode.WAIT && waiting.size() < maxQueued) {
                    waiting.addLast(call);
                    queued = true;
                }
            }
        }
        if (granted) {
            grant(call);
        } else if (queued) {
            call.onFinish(() -> removeWaiting(call));
            var timer = scheduler.schedule(
                    () -> call.fail(
                            CallFailure.SATURATED,
                            "no in-flight slot on " + nodeId + " within " + maxWaitNanos / 1_000_000 + " ms",
                            null),
                    maxWaitNanos);
            call.onFinish(timer::cancel);
        } else if (refusedWith != null) {
            call.fail(refusedWith, "connection pool to " + nodeId + " is closed", null);
        } else {
            call.fail(CallFailure.SATURATED, maxInFlight + " requests already in flight to " + nodeId, null);
        }
    }

    private void grant(PendingCall call) {
        call.onFinish(this::release);
        dispatcher.accept(call);
    }

    private void release() {
        PendingCall next = null;
        synchronized (this) {
            while (!waiting.isEmpty()) {
                PendingCall candidate = waiting.pollFirst();
                if (!candidate.isFinished()) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                inFlight--;
            }
        }
        if (next != null) {
            // The slot passes straight to the waiter, so inFlight does not change.
            grant(next);
        }
    }

    private synchronized void removeWaiting(PendingCall call) {
        waiting.remove(call);
    }

    /** Requests holding a slot. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /** Requests waiting for a slot. */
    public synchronized int queued() {
        return waiting.size();
    }

    /** Refuses new calls and fails the waiting ones, both with {@code reason}. Idempotent. */
    public void close(CallFailure reason) {
        List<PendingCall> dropped;
        synchronized (this) {
            if (closedWith == null) {
                closedWith = reason;
            }
            dropped = new ArrayList<>(waiting);
            waiting.clear();
        }
        for (PendingCall call : dropped) {
            call.fail(reason, "connection pool to " + nodeId + " closed", null);
        }
    }
}
