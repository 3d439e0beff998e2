package io.ringkv.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.ringkv.client.error.UnavailableException;
import io.ringkv.client.testing.FakeCluster;
import io.ringkv.client.testing.FakeNode;
import io.ringkv.client.testing.Responder;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.PutReply;
import io.ringkv.ring.Partitioner;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TelemetryTest {

    private static final String KEY = "traced";

    private final FakeCluster cluster = FakeCluster.start(3);
    private final List<String> replicas = cluster.replicasOf(KEY);
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setMeterProvider(
                    SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build();

    @AfterEach
    void stop() {
        openTelemetry.close();
        cluster.close();
    }

    private RingKvClient client() {
        return cluster.clientBuilder().openTelemetry(openTelemetry).build();
    }

    @Test
    void should_record_a_client_span_per_operation_and_propagate_its_context() {
        try (RingKvClient client = client()) {
            client.blocking().put(KEY, "v", CausalContext.NONE, WriteOptions.DEFAULT.withW(2));
            client.blocking().get(KEY, ReadOptions.DEFAULT.withR(2));
        }

        SpanData put = span("ringkv put");
        SpanData get = span("ringkv get");
        long token = new Partitioner().token(KEY.getBytes(StandardCharsets.UTF_8));
        assertThat(put.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(put.getAttributes().get(AttributeKey.longKey("ringkv.key_hash")))
                .isEqualTo(token);
        assertThat(put.getAttributes().get(AttributeKey.stringKey("ringkv.coordinator")))
                .isEqualTo(replicas.get(0));
        assertThat(put.getAttributes().get(AttributeKey.longKey("ringkv.w"))).isEqualTo(2);
        assertThat(get.getAttributes().get(AttributeKey.longKey("ringkv.r"))).isEqualTo(2);
        assertThat(get.getAttributes().get(AttributeKey.longKey("ringkv.siblings")))
                .isEqualTo(1);

        List<Envelope> received = cluster.node(replicas.get(0)).received();
        assertThat(received.get(0).traceContext().traceparent())
                .startsWith("00-" + put.getTraceId() + "-" + put.getSpanId() + "-");
        assertThat(received.get(1).traceContext().traceparent()).contains(get.getTraceId());
    }

    @Test
    void should_mark_a_failed_operation_on_its_span_and_count_its_retries() {
        ErrorReply unavailable = ErrorReply.of(ErrorCode.UNAVAILABLE, "down", true);
        cluster.nodes().forEach(node -> node.respondWith(Responder.always(unavailable)));
        try (RingKvClient client = client()) {
            Throwable failure = catchThrowable(() -> client.blocking().get(KEY));
            assertThat(failure).isInstanceOf(UnavailableException.class);
        }

        SpanData get = span("ringkv get");
        assertThat(get.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(get.getEvents()).extracting(event -> event.getName()).contains("exception", "ringkv.failover");
        assertThat(counter("ringkv.client.retries")).isEqualTo(2);
    }

    @Test
    void should_record_latency_per_operation_and_count_routing_misses() {
        FakeNode first = cluster.node(replicas.get(0));
        first.respondWith(exchange -> exchange.reply(new PutReply(new byte[] {1}, "some-other-node")));
        try (RingKvClient client = client()) {
            client.blocking().put(KEY, "v", CausalContext.NONE);
            client.blocking().get("another-key");
        }

        Collection<MetricData> collected = metrics.collectAllMetrics();
        MetricData latency = metric(collected, "ringkv.client.operation.duration");
        assertThat(latency.getUnit()).isEqualTo("ms");
        assertThat(latency.getHistogramData().getPoints())
                .extracting(point -> point.getAttributes().get(AttributeKey.stringKey("ringkv.operation")))
                .containsExactlyInAnyOrder("put", "get");
        assertThat(sum(metric(collected, "ringkv.client.routing_misses"))).isEqualTo(1);
    }

    private SpanData span(String name) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans.getFinishedSpanItems()));
    }

    private long counter(String name) {
        return sum(metric(metrics.collectAllMetrics(), name));
    }

    private static MetricData metric(Collection<MetricData> collected, String name) {
        return collected.stream()
                .filter(metric -> metric.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }

    private static long sum(MetricData metric) {
        return metric.getLongSumData().getPoints().stream()
                .mapToLong(LongPointData::getValue)
                .sum();
    }
}
