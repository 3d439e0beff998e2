package io.ringkv.client.internal;

import io.ringkv.client.policy.ReconnectionPolicy;
import io.ringkv.client.policy.RoutingPolicy;
import io.ringkv.client.policy.SpeculativeReadPolicy;
import java.util.Objects;

/** The policy objects a client was built with. */
public record ClientPolicies(
        RoutingPolicy routing, SpeculativeReadPolicy speculativeReads, ReconnectionPolicy reconnection) {

    public ClientPolicies {
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(speculativeReads, "speculativeReads");
        Objects.requireNonNull(reconnection, "reconnection");
    }
}
