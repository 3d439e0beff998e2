package io.ringkv.server.telemetry;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.logging.LoggingMetricExporter;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.time.Duration;

/**
 * Chooses the node's OpenTelemetry instance from the {@code telemetry.exporter} setting:
 * {@code none} uses the global instance (a no-op, unless the OpenTelemetry Java agent is attached, which
 * then exports wherever the operator configured it); {@code logging} writes spans and, every minute,
 * metrics to the node log, which is enough to see a trace on a development machine.
 */
public final class Telemetry {

    private Telemetry() {}

    public static OpenTelemetry create(String exporter, String nodeId) {
        if (!"logging".equals(exporter)) {
            return GlobalOpenTelemetry.get();
        }
        Resource resource = Resource.getDefault()
                .merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"),
                        "ringkv-server",
                        AttributeKey.stringKey("service.instance.id"),
                        nodeId)));
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .setResource(resource)
                        .addSpanProcessor(BatchSpanProcessor.builder(LoggingSpanExporter.create())
                                .build())
                        .build())
                .setMeterProvider(SdkMeterProvider.builder()
                        .setResource(resource)
                        .registerMetricReader(PeriodicMetricReader.builder(LoggingMetricExporter.create())
                                .setInterval(Duration.ofMinutes(1))
                                .build())
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }
}
