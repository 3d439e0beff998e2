package io.ringkv.server.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.ringkv.server.coordinator.CoordinatorMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The node's metrics, kept twice on purpose: as plain counters that {@code GET /admin/metrics} and
 * tests read directly, and as OpenTelemetry instruments for whatever exporter the operator configures.
 * Thread-safe; updates are a {@link LongAdder} increment plus an OpenTelemetry record.
 */
public final class NodeMetrics implements CoordinatorMetrics {

    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("ringkv.operation");

    private final LongAdder readRepairs = new LongAdder();
    private final LongAdder forwardedRequests = new LongAdder();
    private final LongAdder hintedWrites = new LongAdder();
    private final LongAdder hintsReplayed = new LongAdder();
    private final LongAdder gossipRounds = new LongAdder();
    private final LongAdder clientRequests = new LongAdder();
    private final DoubleHistogram latency;
    private volatile LongSupplier hintsPending = () -> 0;
    private volatile LongSupplier hintDeliveriesFailed = () -> 0;
    private volatile LongSupplier hintsExpired = () -> 0;
    private volatile LongSupplier antiEntropySessions = () -> 0;
    private volatile LongSupplier antiEntropyHashesSent = () -> 0;
    private volatile LongSupplier antiEntropyHashesReceived = () -> 0;
    private volatile LongSupplier antiEntropyKeysRepaired = () -> 0;

    public NodeMetrics(OpenTelemetry openTelemetry) {
        Meter meter = openTelemetry.getMeter("io.ringkv.server");
        latency = meter.histogramBuilder("ringkv.request.duration")
                .setUnit("ms")
                .setDescription("client request latency at the coordinator, per operation")
                .build();
        counter(meter, "ringkv.read_repairs", "stale replicas repaired by reads", readRepairs);
        counter(meter, "ringkv.forwarded_requests", "client requests forwarded to a replica", forwardedRequests);
        counter(meter, "ringkv.hinted_writes", "writes sent to stand-ins as hints", hintedWrites);
        counter(meter, "ringkv.hints_replayed", "hints delivered to their owners", hintsReplayed);
        counter(meter, "ringkv.gossip_rounds", "gossip rounds run", gossipRounds);
        meter.gaugeBuilder("ringkv.hints_pending")
                .ofLongs()
                .setDescription("hints this node holds for other nodes")
                .buildWithCallback(measurement -> measurement.record(hintsPending.getAsLong()));
        meter.counterBuilder("ringkv.hint_deliveries_failed")
                .setDescription("hint deliveries that failed or timed out (the hint stays and is retried)")
                .buildWithCallback(measurement -> measurement.record(hintDeliveriesFailed.getAsLong()));
        meter.counterBuilder("ringkv.hints_expired")
                .setDescription("hints dropped because they outlived hints.max-age-millis")
                .buildWithCallback(measurement -> measurement.record(hintsExpired.getAsLong()));
        meter.counterBuilder("ringkv.anti_entropy.sessions")
                .setDescription("anti-entropy exchanges with a co-replica completed by this node")
                .buildWithCallback(measurement -> measurement.record(antiEntropySessions.getAsLong()));
        meter.counterBuilder("ringkv.anti_entropy.hashes_sent")
                .setDescription("Merkle node and key hashes this node sent to peers")
                .buildWithCallback(measurement -> measurement.record(antiEntropyHashesSent.getAsLong()));
        meter.counterBuilder("ringkv.anti_entropy.hashes_received")
                .setDescription("Merkle node and key hashes this node received from peers")
                .buildWithCallback(measurement -> measurement.record(antiEntropyHashesReceived.getAsLong()));
        meter.counterBuilder("ringkv.anti_entropy.keys_repaired")
                .setDescription("keys anti-entropy found out of sync and merged both ways")
                .buildWithCallback(measurement -> measurement.record(antiEntropyKeysRepaired.getAsLong()));
    }

    private static void counter(Meter meter, String name, String description, LongAdder source) {
        meter.counterBuilder(name)
                .setDescription(description)
                .buildWithCallback(measurement -> measurement.record(source.sum()));
    }

    @Override
    public void readRepair() {
        readRepairs.increment();
    }

    @Override
    public void forwarded() {
        forwardedRequests.increment();
    }

    @Override
    public void hintedWrite() {
        hintedWrites.increment();
    }

    public void hintReplayed() {
        hintsReplayed.increment();
    }

    public void gossipRound() {
        gossipRounds.increment();
    }

    public void requestCompleted(String operation, long durationNanos) {
        clientRequests.increment();
        latency.record(durationNanos / 1e6, Attributes.of(OPERATION, operation));
    }

    public void reportHintsPending(LongSupplier supplier) {
        hintsPending = supplier;
    }

    /** Where the hint replayer's failure counters come from; they are kept by the replayer itself. */
    public void reportHintReplay(LongSupplier failedDeliveries, LongSupplier expired) {
        hintDeliveriesFailed = failedDeliveries;
        hintsExpired = expired;
    }

    /** Where the anti-entropy counters come from; they are kept by the anti-entropy service itself. */
    public void reportAntiEntropy(
            LongSupplier sessions, LongSupplier hashesSent, LongSupplier hashesReceived, LongSupplier keysRepaired) {
        antiEntropySessions = sessions;
        antiEntropyHashesSent = hashesSent;
        antiEntropyHashesReceived = hashesReceived;
        antiEntropyKeysRepaired = keysRepaired;
    }

    /** A point-in-time copy of the counters, for the admin endpoint and tests. */
    public Map<String, Long> snapshot() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("client_requests", clientRequests.sum());
        values.put("forwarded_requests", forwardedRequests.sum());
        values.put("read_repairs", readRepairs.sum());
        values.put("hinted_writes", hintedWrites.sum());
        values.put("hints_replayed", hintsReplayed.sum());
        values.put("hints_pending", hintsPending.getAsLong());
        values.put("hint_deliveries_failed", hintDeliveriesFailed.getAsLong());
        values.put("hints_expired", hintsExpired.getAsLong());
        values.put("gossip_rounds", gossipRounds.sum());
        values.put("anti_entropy_sessions", antiEntropySessions.getAsLong());
        values.put("anti_entropy_hashes_sent", antiEntropyHashesSent.getAsLong());
        values.put("anti_entropy_hashes_received", antiEntropyHashesReceived.getAsLong());
        values.put("anti_entropy_keys_repaired", antiEntropyKeysRepaired.getAsLong());
        return values;
    }
}
