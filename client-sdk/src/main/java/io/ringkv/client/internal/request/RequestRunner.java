package io.ringkv.client.internal.request;

import io.ringkv.client.error.ClientClosedException;
import io.ringkv.client.internal.routing.Router;
import io.ringkv.client.internal.telemetry.OperationSpan;
import io.ringkv.ring.RingSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts operations: routes the key against the current ring snapshot, opens the operation's span and
 * runs a {@link RequestExecution}. Keeps the executions that have not delivered yet, so that closing the
 * client ends each of them with a {@link ClientClosedException} instead of leaving a future pending.
 */
public final class RequestRunner {

    private final RequestServices services;
    private final Router router;
    private final Duration defaultTimeout;
    private final Set<RequestExecution<?>> active = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public RequestRunner(RequestServices services, Router router, Duration defaultTimeout) {
        this.services = services;
        this.router = router;
        this.defaultTimeout = defaultTimeout;
    }

    /**
     * Runs {@code operation} within {@code timeout} ({@link Duration#ZERO}: the client's default).
     * Never throws; every failure completes the returned future.
     */
    public <R> CompletableFuture<R> execute(Operation<R> operation, Duration timeout) {
        if (closed) {
            return CompletableFuture.failedFuture(new ClientClosedException("the client is closed", true));
        }
        RingSnapshot snapshot = services.topology().current();
        long token = snapshot.partitioner().token(operation.key());
        List<String> plan = router.plan(snapshot, token, operation.kind());
        OperationSpan span = services.telemetry().start(operation.name(), token);
        operation.describeRequest(span);
        long budgetNanos = (timeout.isZero() ? defaultTimeout : timeout).toNanos();
        RequestExecution<R> execution = new RequestExecution<>(
                operation,
                plan,
                services,
                span,
                snapshot.version(),
                services.clock().nanoTime() + budgetNanos,
                active::remove);
        active.add(execution);
        if (closed) {
            // close() may have swept the set before the add above.
            execution.abortClientClosed();
        } else {
            execution.start();
        }
        return execution.result();
    }

    /** Operations started and not yet finished. */
    public int activeCount() {
        return active.size();
    }

    /** Refuses new operations and ends the running ones with a {@link ClientClosedException}. */
    public void close() {
        closed = true;
        for (RequestExecution<?> execution : new ArrayList<>(active)) {
            execution.abortClientClosed();
        }
    }
}
