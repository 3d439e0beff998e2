package io.ringkv.client.internal.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.ringkv.client.error.RingKvException;
import io.ringkv.protocol.message.TraceContext;
import io.ringkv.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The telemetry of one operation: its span, the W3C trace context sent to the node in every request
 * envelope (so the server's spans join the trace), and the latency recorded when it ends.
 */
public final class OperationSpan {

    private static final TextMapSetter<Map<String, String>> MAP_SETTER = Map::put;

    private final Span span;
    private final String operation;
    private final ClientTelemetry telemetry;
    private final Clock clock;
    private final long startNanos;
    private final TraceContext traceContext;

    OperationSpan(Span span, String operation, ClientTelemetry telemetry, Clock clock) {
        this.span = span;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.operation = operation;
        this.telemetry = telemetry;
        this.traceContext = wireContext(span);
    }

    private static TraceContext wireContext(Span span) {
        if (!span.getSpanContext().isValid()) {
            // The no-op API (no SDK installed) yields invalid contexts: send nothing.
            return TraceContext.EMPTY;
        }
        Map<String, String> headers = new HashMap<>(4);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), headers, MAP_SETTER);
        return new TraceContext(headers.getOrDefault("traceparent", ""), headers.getOrDefault("tracestate", ""));
    }

    /** The trace context to put in this operation's request envelopes. */
    public TraceContext traceContext() {
        return traceContext;
    }

    public void setAttribute(AttributeKey<Long> key, long value) {
        span.setAttribute(key, value);
    }

    public void setAttribute(AttributeKey<String> key, String value) {
        span.setAttribute(key, value);
    }

    /** Notes that the request moved on to another node, as a span event. */
    public void addEvent(String name, String nodeId, String detail) {
        span.addEvent(name, Attributes.of(ClientTelemetry.COORDINATOR, nodeId, ClientTelemetry.REASON, detail));
    }

    public void succeeded(String coordinator) {
        span.setAttribute(ClientTelemetry.COORDINATOR, coordinator);
        span.end();
        telemetry.recordLatency(elapsedMillis(), telemetry.successAttributes(operation));
    }

    public void failed(Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        if (failure instanceof RingKvException ringKv) {
            span.setAttribute("ringkv.definitely_not_applied", ringKv.definitelyNotApplied());
        }
        span.end();
        telemetry.recordLatency(
                elapsedMillis(),
                Attributes.of(
                        ClientTelemetry.OPERATION,
                        operation,
                        ClientTelemetry.OUTCOME,
                        failure.getClass().getSimpleName()));
    }

    private double elapsedMillis() {
        return (clock.nanoTime() - startNanos) / 1_000_000.0;
    }
}
