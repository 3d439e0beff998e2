package io.ringkv.server.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.TraceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spans for the requests a node serves, continuing the trace the sender put in the envelope (W3C trace
 * context), and the trace context for the requests it sends on while such a span is current.
 */
public final class RequestTracing {

    private static final AttributeKey<String> NODE = AttributeKey.stringKey("ringkv.node");
    private static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("ringkv.error_code");
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    private final Tracer tracer;
    private final String nodeId;
    private final TextMapPropagator propagator = W3CTraceContextPropagator.getInstance();

    public RequestTracing(OpenTelemetry openTelemetry, String nodeId) {
        this.tracer = openTelemetry.getTracer("io.ringkv.server");
        this.nodeId = nodeId;
    }

    /** Starts the span of an inbound request, as a child of the sender's span when the envelope has one. */
    public Span startServerSpan(Envelope request) {
        Context parent = propagator.extract(Context.root(), request.traceContext(), EnvelopeGetter.INSTANCE);
        return tracer.spanBuilder("ringkv " + request.body().kind().name().toLowerCase(java.util.Locale.ROOT))
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(NODE, nodeId)
                .startSpan();
    }

    /** Ends {@code span}, marked as an error with its code when the reply is an error. */
    public static void end(Span span, String errorCodeOrNull) {
        if (errorCodeOrNull != null) {
            span.setStatus(StatusCode.ERROR, errorCodeOrNull);
            span.setAttribute(ERROR_CODE, errorCodeOrNull);
        }
        span.end();
    }

    /** The current span's context for an outgoing envelope; {@link TraceContext#EMPTY} when untraced. */
    public TraceContext currentTraceContext() {
        Context current = Context.current();
        if (!Span.fromContext(current).getSpanContext().isValid()) {
            return TraceContext.EMPTY;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(current, carrier, Map::put);
        return new TraceContext(carrier.getOrDefault(TRACEPARENT, ""), carrier.getOrDefault(TRACESTATE, ""));
    }

    private enum EnvelopeGetter implements TextMapGetter<TraceContext> {
        INSTANCE;

        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            String value = TRACEPARENT.equals(key)
                    ? carrier.traceparent()
                    : TRACESTATE.equals(key) ? carrier.tracestate() : null;
            return value == null || value.isEmpty() ? null : value;
        }
    }
}
