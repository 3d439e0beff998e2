package io.ringkv.server.net;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admits requests into a {@link MessageServer} and counts those in flight across all its connections,
 * so that a graceful close can refuse new work and wait for the admitted work to finish.
 *
 * <p>Thread-safe: event loops enter and exit, the closing thread drains.
 */
final class RequestGate {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean draining;
    private volatile boolean closed;

    /** Admits one request; false once draining has started (the caller answers SHUTTING_DOWN). */
    boolean tryEnter() {
        // Count first, then check: a request that slips in while draining starts is either seen by
        // startDraining's count or sees the flag, never neither.
        inFlight.incrementAndGet();
        if (draining) {
            exit();
            return false;
        }
        return true;
    }

    /** Marks an admitted request as answered (or abandoned). */
    void exit() {
        if (inFlight.decrementAndGet() == 0 && draining) {
            drained.complete(null);
        }
    }

    int inFlight() {
        return inFlight.get();
    }

    boolean isDraining() {
        return draining;
    }

    void startDraining() {
        draining = true;
        if (inFlight.get() == 0) {
            drained.complete(null);
        }
    }

    /** Waits until every admitted request was answered; false if {@code timeout} ran out first. */
    boolean awaitDrained(Duration timeout) {
        try {
            drained.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the drain future is never completed exceptionally", e);
        }
    }

    /** From now on every newly accepted connection is closed at once. */
    void markClosed() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }
}
