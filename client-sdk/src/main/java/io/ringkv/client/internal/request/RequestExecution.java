package io.ringkv.client.internal.request;

import io.ringkv.client.error.BadRequestException;
import io.ringkv.client.error.ClientClosedException;
import io.ringkv.client.error.ConnectionLostException;
import io.ringkv.client.error.NoReachableNodeException;
import io.ringkv.client.error.OverloadedException;
import io.ringkv.client.error.QuorumDetail;
import io.ringkv.client.error.RequestTimeoutException;
import io.ringkv.client.error.RingKvException;
import io.ringkv.client.error.ServerErrorException;
import io.ringkv.client.internal.channel.CallFailedException;
import io.ringkv.client.internal.channel.PendingCall;
import io.ringkv.client.internal.pool.NodePool;
import io.ringkv.client.internal.telemetry.OperationSpan;
import io.ringkv.client.internal.timer.Cancellable;
import io.ringkv.client.policy.RequestKind;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operation's way through its plan of replicas. It sends the request to the first node, and moves
 * on to the next one when the node cannot take it: not reachable, saturated, or answering
 * {@code UNAVAILABLE}, {@code NOT_REPLICA}, {@code OVERLOADED} or {@code SHUTTING_DOWN}. A write moves
 * on only when the failure was definite or the request never left the client; a write that may have
 * been applied ends with that unknown outcome instead, since sending it again elsewhere could apply it
 * twice. A read also moves on after a lost connection, and with a speculative-read policy it is sent to
 * the next replica when the first is slow, the first answer winning.
 *
 * <p>The whole operation shares one deadline: each request carries the remaining budget to its node and
 * times out shortly after it, so no separate timer is needed.
 *
 * <p>Thread-safety: replies, failures and timers arrive on any thread; state changes hold this object's
 * monitor, and the result is delivered outside it, exactly once.
 *
 * @param <R> the operation's result type
 */
public final class RequestExecution<R> {

    private static final Logger LOG = LoggerFactory.getLogger(RequestExecution.class);

    private final Operation<R> operation;
    private final List<String> plan;
    private final RequestServices services;
    private final OperationSpan span;
    private final long ringVersion;
    private final long deadlineNanos;
    private final Consumer<RequestExecution<?>> onDelivered;
    private final CompletableFuture<R> result = new CompletableFuture<>();

    // Guarded by this.
    private int nextIndex;
    private int outstanding;
    private int sent;
    private int saturated;
    private boolean finished;
    private boolean delivered;
    private R success;
    private RingKvException failure;
    private RingKvException lastFailoverError;
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final List<PendingCall> calls = new ArrayList<>(2);
    private Cancellable speculativeTimer = Cancellable.NONE;

    public RequestExecution(
            Operation<R> operation,
            List<String> plan,
            RequestServices services,
            OperationSpan span,
            long ringVersion,
            long deadlineNanos,
            Consumer<RequestExecution<?>> onDelivered) {
        this.operation = operation;
        this.plan = plan;
        this.services = services;
        this.span = span;
        this.ringVersion = ringVersion;
        this.deadlineNanos = deadlineNanos;
        this.onDelivered = onDelivered;
    }

    /** Completes once with the result or a {@link RingKvException}. */
    public CompletableFuture<R> result() {
        return result;
    }

    public void start() {
        sendNext(false);
    }

    /** Ends the operation because the client is closing. */
    public void abortClientClosed() {
        synchronized (this) {
            finish(
                    null,
                    new ClientClosedException(
                            "the client was closed before the operation completed", isRead() || !mayHaveBeenApplied()));
        }
        deliver();
    }

    private boolean isRead() {
        return operation.kind() == RequestKind.READ;
    }

    /** Sends to the next node of the plan, or finishes when none is left. */
    private void sendNext(boolean speculative) {
        NodePool pool = null;
        String node = null;
        long remainingNanos = 0;
        int attempt = 0;
        synchronized (this) {
            while (!finished) {
                if (nextIndex >= plan.size()) {
                    if (outstanding == 0) {
                        finish(null, exhausted());
                    }
                    break;
                }
                String candidate = plan.get(nextIndex++);
                NodePool candidatePool = services.pools().get(candidate);
                if (candidatePool == null) {
                    skipped.put(candidate, "not in the client's ring view");
                    continue;
                }
                long left = deadlineNanos - services.clock().nanoTime();
                if (left <= 0) {
                    finish(null, clientTimeout(null));
                    break;
                }
                pool = candidatePool;
                node = candidate;
                remainingNanos = left;
                outstanding++;
                attempt = ++sent;
                break;
            }
        }
        if (pool == null) {
            deliver();
            return;
        }
        if (attempt > 1) {
            if (speculative) {
                services.telemetry().speculativeRead();
            } else {
                services.telemetry().retried(operation.name());
            }
        }
        long timeoutMillis = Math.max(1, (remainingNanos + 999_999) / 1_000_000);
        PendingCall call = pool.send(
                operation.request(timeoutMillis),
                ringVersion,
                span.traceContext(),
                remainingNanos + services.timeoutMarginNanos());
        boolean alreadyFinished;
        synchronized (this) {
            calls.add(call);
            alreadyFinished = finished;
        }
        if (alreadyFinished) {
            call.cancel();
        }
        String target = node;
        call.future().whenComplete((envelope, error) -> onCallDone(target, call, envelope, error));
        if (isRead()) {
            armSpeculativeRead(attempt);
        }
    }

    private void armSpeculativeRead(int requestsSent) {
        long delayNanos = services.speculativeReads().nextDelayNanos(requestsSent);
        if (delayNanos < 0) {
            return;
        }
        Cancellable timer = services.scheduler().schedule(this::onSpeculativeDelay, delayNanos);
        Cancellable previous;
        synchronized (this) {
            if (finished) {
                previous = timer;
            } else {
                previous = speculativeTimer;
                speculativeTimer = timer;
            }
        }
        previous.cancel();
    }

    private void onSpeculativeDelay() {
        synchronized (this) {
            if (finished || outstanding == 0 || nextIndex >= plan.size()) {
                return;
            }
        }
        sendNext(true);
    }

    private void onCallDone(String node, PendingCall call, Envelope envelope, Throwable error) {
        synchronized (this) {
            outstanding--;
            if (finished) {
                return;
            }
        }
        if (error != null) {
            onCallFailed(node, call, unwrap(error));
        } else {
            onReply(node, envelope);
        }
    }

    private void onReply(String node, Envelope envelope) {
        services.topology().observeRingVersion(envelope.ringVersion());
        Message body = envelope.body();
        if (body instanceof ErrorReply error) {
            onErrorReply(node, error);
            return;
        }
        R value = operation.result(body);
        if (value == null) {
            finishAndDeliver(
                    null,
                    new ServerErrorException(
                            node + " answered a " + operation.name() + " with " + body.kind(),
                            isRead(),
                            ErrorCode.INTERNAL,
                            node));
            return;
        }
        if (!operation.coordinator(value).equals(node)) {
            // The node forwarded the request: our ring view and its disagree.
            services.telemetry().routingMiss("other_coordinator");
        }
        finishAndDeliver(value, null);
    }

    private void onErrorReply(String node, ErrorReply error) {
        RingKvException mapped = ErrorMapper.map(error, node, operation.kind());
        if (error.code() == ErrorCode.NOT_REPLICA) {
            services.telemetry().routingMiss("not_replica");
            services.topology().refreshSoon();
        }
        if (ErrorMapper.isFailoverCode(error.code()) && mapped.definitelyNotApplied()) {
            synchronized (this) {
                lastFailoverError = mapped;
            }
            span.addEvent("ringkv.failover", node, error.code().name());
            LOG.trace("{} failing over from {}: {}", operation.name(), node, error.code());
            sendNext(false);
            return;
        }
        finishAndDeliver(null, mapped);
    }

    private void onCallFailed(String node, PendingCall call, Throwable error) {
        if (!(error instanceof CallFailedException failed)) {
            finishAndDeliver(
                    null,
                    new ServerErrorException(
                            "unexpected client failure: " + error,
                            isRead() || !call.mayHaveReachedServer(),
                            ErrorCode.INTERNAL,
                            node));
            return;
        }
        switch (failed.failure()) {
            case CANCELLED:
                return;
            case TIMED_OUT:
                RequestTimeoutException timeout;
                synchronized (this) {
                    timeout = clientTimeout(node);
                }
                finishAndDeliver(null, timeout);
                return;
            case CLIENT_CLOSED:
                boolean definite;
                synchronized (this) {
                    definite = isRead() || !mayHaveBeenApplied();
                }
                finishAndDeliver(
                        null,
                        new ClientClosedException("the client was closed before the operation completed", definite));
                return;
            case FRAME_TOO_LARGE:
                finishAndDeliver(
                        null, new BadRequestException(failed.getMessage(), true, ErrorCode.FRAME_TOO_LARGE, node));
                return;
            case SATURATED:
                skipTo(node, failed.getMessage(), true);
                return;
            case UNREACHABLE:
            case WRITE_FAILED:
                skipTo(node, failed.getMessage(), false);
                return;
            case CONNECTION_LOST:
            case MALFORMED_REPLY:
            default:
                if (isRead() || !failed.mayHaveReachedServer()) {
                    skipTo(node, failed.getMessage(), false);
                } else {
                    finishAndDeliver(
                            null,
                            new ConnectionLostException(
                                    "lost the connection to " + node + " after sending the " + operation.name()
                                            + "; it may or may not have been applied",
                                    failed,
                                    false,
                                    node));
                }
        }
    }

    private void skipTo(String node, String reason, boolean saturatedNode) {
        synchronized (this) {
            skipped.put(node, reason);
            if (saturatedNode) {
                saturated++;
            }
        }
        span.addEvent("ringkv.failover", node, reason);
        LOG.trace("{} failing over from {}: {}", operation.name(), node, reason);
        sendNext(false);
    }

    /** The failure when every node of the plan was tried. Called holding the monitor. */
    private RingKvException exhausted() {
        if (lastFailoverError != null) {
            return lastFailoverError;
        }
        if (saturated > 0 && saturated == skipped.size()) {
            return new OverloadedException(
                    "every replica tried already has the maximum of requests in flight from this client: " + skipped,
                    true,
                    null,
                    true);
        }
        return new NoReachableNodeException("none of the key's replicas could be reached:", skipped);
    }

    /** Called holding the monitor. */
    private RequestTimeoutException clientTimeout(String node) {
        return new RequestTimeoutException(
                "no answer to the " + operation.name() + " within its budget"
                        + (node == null ? "" : " (last tried " + node + ")"),
                isRead() || !mayHaveBeenApplied(),
                ErrorCode.NONE,
                node,
                QuorumDetail.NONE,
                true);
    }

    /** Whether any request of this write may have reached a node. Called holding the monitor. */
    private boolean mayHaveBeenApplied() {
        for (PendingCall call : calls) {
            if (call.mayHaveReachedServer()) {
                return true;
            }
        }
        return false;
    }

    private void finishAndDeliver(R value, RingKvException error) {
        synchronized (this) {
            finish(value, error);
        }
        deliver();
    }

    /** Records the outcome unless one was recorded already. Called holding the monitor. */
    private void finish(R value, RingKvException error) {
        if (finished) {
            return;
        }
        finished = true;
        success = value;
        failure = error;
    }

    private void deliver() {
        List<PendingCall> toCancel;
        Cancellable timer;
        R value;
        RingKvException error;
        synchronized (this) {
            if (!finished || delivered) {
                return;
            }
            delivered = true;
            toCancel = new ArrayList<>(calls);
            timer = speculativeTimer;
            value = success;
            error = failure;
        }
        timer.cancel();
        for (PendingCall call : toCancel) {
            // Frees the slots of losing speculative reads; a no-op for calls that already finished.
            call.cancel();
        }
        onDelivered.accept(this);
        if (error == null) {
            operation.describeResult(value, span);
            span.succeeded(operation.coordinator(value));
            result.complete(value);
        } else {
            span.failed(error);
            result.completeExceptionally(error);
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
