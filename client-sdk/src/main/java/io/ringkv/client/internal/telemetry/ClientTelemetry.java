package io.ringkv.client.internal.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.ringkv.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK's OpenTelemetry instruments, created once per client from the application's
 * {@link OpenTelemetry} (the no-op one unless it brings an SDK): one span per operation, an operation
 * latency histogram, and counters for retries, speculative reads, routing misses and ring refreshes.
 * Instrument names and attributes are listed in {@code docs/client.md}. Thread-safe.
 */
public final class ClientTelemetry {

    static final String INSTRUMENTATION_SCOPE = "io.ringkv.client";

    public static final AttributeKey<Long> KEY_HASH = AttributeKey.longKey("ringkv.key_hash");
    public static final AttributeKey<String> COORDINATOR = AttributeKey.stringKey("ringkv.coordinator");
    public static final AttributeKey<Long> R = AttributeKey.longKey("ringkv.r");
    public static final AttributeKey<Long> W = AttributeKey.longKey("ringkv.w");
    public static final AttributeKey<Long> SIBLINGS = AttributeKey.longKey("ringkv.siblings");
    public static final AttributeKey<String> CONSISTENCY = AttributeKey.stringKey("ringkv.consistency");
    public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("ringkv.operation");
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("ringkv.outcome");
    public static final AttributeKey<String> REASON = AttributeKey.stringKey("ringkv.reason");
    public static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    public static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation.name");

    private static final List<Double> LATENCY_BUCKETS_MILLIS =
            List.of(0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 512.0, 1024.0, 2048.0, 4096.0);

    private final Tracer tracer;
    private final DoubleHistogram latency;
    private final LongCounter retries;
    private final LongCounter speculativeReads;
    private final LongCounter routingMisses;
    private final LongCounter ringRefreshes;

    private final Clock clock;
    /** Attributes of successful operations, built once per operation name rather than per request. */
    private final Map<String, Attributes> successAttributes = new ConcurrentHashMap<>();

    public ClientTelemetry(OpenTelemetry openTelemetry, Clock clock) {
        this.clock = clock;
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION_SCOPE);
        Meter meter = openTelemetry.getMeter(INSTRUMENTATION_SCOPE);
        this.latency = meter.histogramBuilder("ringkv.client.operation.duration")
                .setDescription("Duration of client operations, failovers included")
                .setUnit("ms")
                .setExplicitBucketBoundariesAdvice(LATENCY_BUCKETS_MILLIS)
                .build();
        this.retries = meter.counterBuilder("ringkv.client.retries")
                .setDescription("Requests sent to another replica after a failure")
                .build();
        this.speculativeReads = meter.counterBuilder("ringkv.client.speculative_reads")
                .setDescription("Reads also sent to another replica because the first was slow")
                .build();
        this.routingMisses = meter.counterBuilder("ringkv.client.routing_misses")
                .setDescription("Replies from a node that was not a replica, or coordinated by another node")
                .build();
        this.ringRefreshes = meter.counterBuilder("ringkv.client.ring_refreshes")
                .setDescription("Ring snapshot fetches after start-up")
                .build();
    }

    /** Starts the span of one operation, as a child of the caller's current context. */
    public OperationSpan start(String operation, long keyHash) {
        Span span = tracer.spanBuilder("ringkv " + operation)
                .setSpanKind(SpanKind.CLIENT)
                .setParent(Context.current())
                .setAttribute(DB_SYSTEM, "ringkv")
                .setAttribute(DB_OPERATION, operation)
                .setAttribute(KEY_HASH, keyHash)
                .startSpan();
        return new OperationSpan(span, operation, this, clock);
    }

    Attributes successAttributes(String operation) {
        return successAttributes.computeIfAbsent(operation, name -> Attributes.of(OPERATION, name, OUTCOME, "success"));
    }

    void recordLatency(double millis, Attributes attributes) {
        latency.record(millis, attributes);
    }

    public void retried(String operation) {
        retries.add(1, Attributes.of(OPERATION, operation));
    }

    public void speculativeRead() {
        speculativeReads.add(1);
    }

    /** @param reason {@code not_replica} or {@code other_coordinator} */
    public void routingMiss(String reason) {
        routingMisses.add(1, Attributes.of(REASON, reason));
    }

    public void ringRefreshed() {
        ringRefreshes.add(1);
    }
}
