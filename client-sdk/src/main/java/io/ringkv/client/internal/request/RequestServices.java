package io.ringkv.client.internal.request;

import io.ringkv.client.internal.pool.NodePools;
import io.ringkv.client.internal.telemetry.ClientTelemetry;
import io.ringkv.client.internal.timer.Scheduler;
import io.ringkv.client.internal.topology.TopologyManager;
import io.ringkv.client.policy.SpeculativeReadPolicy;
import io.ringkv.time.Clock;

/**
 * What every {@link RequestExecution} uses, gathered once per client.
 *
 * @param timeoutMarginNanos how much longer than its budget a request waits for the node's own
 *     timeout answer
 */
public record RequestServices(
        NodePools pools,
        TopologyManager topology,
        ClientTelemetry telemetry,
        Scheduler scheduler,
        SpeculativeReadPolicy speculativeReads,
        Clock clock,
        long timeoutMarginNanos) {}
