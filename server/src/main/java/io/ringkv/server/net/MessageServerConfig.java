package io.ringkv.server.net;

import io.ringkv.protocol.ProtocolLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one {@link MessageServer}, validated on construction.
 *
 * @param host                     address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.2}
 * @param port                     port to bind; 0 picks a free one ({@link MessageServer#port()} tells which)
 * @param limits                   frame and field limits enforced on every inbound frame
 * @param maxInFlightPerConnection requests a connection may have awaiting a reply; one more is answered
 *                                 {@code OVERLOADED} without reaching the handler
 * @param idleTimeout              a connection with no traffic and no request in flight for this long is
 *                                 closed; {@link Duration#ZERO} keeps idle connections forever
 * @param nodeId                   this node's id, for logs and thread names
 */
public record MessageServerConfig(
        String host,
        int port,
        ProtocolLimits limits,
        int maxInFlightPerConnection,
        Duration idleTimeout,
        String nodeId) {

    /** Enough for a coordinator fanning out to a busy replica, small enough to bound a connection's memory. */
    public static final int DEFAULT_MAX_IN_FLIGHT_PER_CONNECTION = 1024;

    /** Internode connections carry gossip every second, so only abandoned connections reach this. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

    public MessageServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(nodeId, "nodeId");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (maxInFlightPerConnection <= 0) {
            throw new IllegalArgumentException(
                    "maxInFlightPerConnection must be positive, was " + maxInFlightPerConnection);
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must not be negative, was " + idleTimeout);
        }
        if (nodeId.isBlank()) {
            throw new IllegalArgumentException("nodeId must not be blank");
        }
    }

    /** A server on {@code host:port} with the default limits, in-flight bound and idle timeout. */
    public static MessageServerConfig of(String host, int port, String nodeId) {
        return new MessageServerConfig(
                host, port, ProtocolLimits.DEFAULT, DEFAULT_MAX_IN_FLIGHT_PER_CONNECTION, DEFAULT_IDLE_TIMEOUT, nodeId);
    }

    public MessageServerConfig withPort(int newPort) {
        return new MessageServerConfig(host, newPort, limits, maxInFlightPerConnection, idleTimeout, nodeId);
    }

    public MessageServerConfig withMaxInFlightPerConnection(int newMaxInFlightPerConnection) {
        return new MessageServerConfig(host, port, limits, newMaxInFlightPerConnection, idleTimeout, nodeId);
    }

    public MessageServerConfig withIdleTimeout(Duration newIdleTimeout) {
        return new MessageServerConfig(host, port, limits, maxInFlightPerConnection, newIdleTimeout, nodeId);
    }

    public MessageServerConfig withLimits(ProtocolLimits newLimits) {
        return new MessageServerConfig(host, port, newLimits, maxInFlightPerConnection, idleTimeout, nodeId);
    }
}
