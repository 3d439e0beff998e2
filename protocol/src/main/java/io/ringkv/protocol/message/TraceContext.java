package io.ringkv.protocol.message;

import java.util.Objects;

/**
 * W3C trace context (<a href="https://www.w3.org/TR/trace-context/">trace-context</a>) of the span that
 * sent a request, so the receiver's spans join the same trace. The strings are carried as they are;
 * parsing and validation belong to the telemetry code.
 *
 * @param traceparent the {@code traceparent} header value; empty when the request is not traced
 * @param tracestate  the {@code tracestate} header value; empty when none
 */
public record TraceContext(String traceparent, String tracestate) {

    /** No trace: both fields empty. Envelopes without trace context carry this. */
    public static final TraceContext EMPTY = new TraceContext("", "");

    public TraceContext {
        Objects.requireNonNull(traceparent, "traceparent");
        Objects.requireNonNull(tracestate, "tracestate");
    }

    /** True when neither field is set; such a context is not written to the wire. */
    public boolean isEmpty() {
        return traceparent.isEmpty() && tracestate.isEmpty();
    }
}
