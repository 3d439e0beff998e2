package io.ringkv.server.streaming;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What this node streamed: bytes and keys read out of its storage for a stream (served to a peer or read
 * for a push), bytes and keys merged into its storage from a stream, and the partition copies the
 * transition it drives still has to make. Plain counters for tests and reports, also exported as
 * OpenTelemetry instruments. Thread-safe.
 */
public final class StreamingCounters {

    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder keysOut = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder keysIn = new LongAdder();
    private final AtomicLong partitionsPending = new AtomicLong();

    /** Registers the counters as instruments of {@code openTelemetry}'s {@code io.ringkv.server} meter. */
    public StreamingCounters registerWith(OpenTelemetry openTelemetry) {
        Meter meter = openTelemetry.getMeter("io.ringkv.server");
        meter.counterBuilder("ringkv.streaming.bytes_out")
                .setUnit("By")
                .setDescription("bytes read from this node's storage for partition streams")
                .buildWithCallback(measurement -> measurement.record(bytesOut.sum()));
        meter.counterBuilder("ringkv.streaming.keys_out")
                .setDescription("keys read from this node's storage for partition streams")
                .buildWithCallback(measurement -> measurement.record(keysOut.sum()));
        meter.counterBuilder("ringkv.streaming.bytes_in")
                .setUnit("By")
                .setDescription("bytes merged into this node's storage from partition streams")
                .buildWithCallback(measurement -> measurement.record(bytesIn.sum()));
        meter.counterBuilder("ringkv.streaming.keys_in")
                .setDescription("keys merged into this node's storage from partition streams")
                .buildWithCallback(measurement -> measurement.record(keysIn.sum()));
        meter.gaugeBuilder("ringkv.streaming.partitions_pending")
                .ofLongs()
                .setDescription("partition copies the transition this node drives has still to make")
                .buildWithCallback(measurement -> measurement.record(partitionsPending.get()));
        return this;
    }

    void streamedOut(long keys, long bytes) {
        keysOut.add(keys);
        bytesOut.add(bytes);
    }

    void streamedIn(long keys, long bytes) {
        keysIn.add(keys);
        bytesIn.add(bytes);
    }

    void partitionsPending(long count) {
        partitionsPending.set(count);
    }

    public long bytesOut() {
        return bytesOut.sum();
    }

    public long keysOut() {
        return keysOut.sum();
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long keysIn() {
        return keysIn.sum();
    }

    public long partitionsPending() {
        return partitionsPending.get();
    }
}
