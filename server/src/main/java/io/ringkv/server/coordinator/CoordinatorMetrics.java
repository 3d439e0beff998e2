package io.ringkv.server.coordinator;

/** Counters the coordinator reports; the telemetry package backs them with OpenTelemetry instruments. */
public interface CoordinatorMetrics {

    CoordinatorMetrics NONE = new CoordinatorMetrics() {};

    default void readRepair() {}

    default void forwarded() {}

    default void hintedWrite() {}
}
