package io.ringkv.server.net;

import io.ringkv.protocol.ProtocolLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link InternodeClient}, validated on construction.
 *
 * @param localNodeId          this node's id, for logs and thread names
 * @param limits               frame and field limits enforced on replies
 * @param connectionsPerPeer   connections opened (lazily) to each peer address; requests go round-robin
 * @param connectTimeout       how long one connect attempt may take
 * @param reconnectBackoffMin  wait after the first failed connect before the next attempt
 * @param reconnectBackoffMax  the wait doubles per failed attempt up to this
 * @param maxInFlightPerPeer   requests awaiting a reply from one peer address; more fail fast
 *                             ({@link PeerRequestException.Reason#OVERLOADED})
 * @param bindHost             local address for outgoing connections, or {@code null} to let the OS choose
 *                             (the consistency suite binds each node to its own 127.0.0.x so that
 *                             address-based packet filters can partition it)
 */
public record InternodeClientConfig(
        String localNodeId,
        ProtocolLimits limits,
        int connectionsPerPeer,
        Duration connectTimeout,
        Duration reconnectBackoffMin,
        Duration reconnectBackoffMax,
        int maxInFlightPerPeer,
        String bindHost) {

    /** Two connections spread a peer's traffic over two event loops without many idle sockets. */
    public static final int DEFAULT_CONNECTIONS_PER_PEER = 2;

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);

    public static final Duration DEFAULT_RECONNECT_BACKOFF_MIN = Duration.ofMillis(50);

    /** Short, so a healed partition or a restarted peer is back in use within a couple of seconds. */
    public static final Duration DEFAULT_RECONNECT_BACKOFF_MAX = Duration.ofSeconds(2);

    public static final int DEFAULT_MAX_IN_FLIGHT_PER_PEER = 4096;

    public InternodeClientConfig {
        Objects.requireNonNull(localNodeId, "localNodeId");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(reconnectBackoffMin, "reconnectBackoffMin");
        Objects.requireNonNull(reconnectBackoffMax, "reconnectBackoffMax");
        if (localNodeId.isBlank()) {
            throw new IllegalArgumentException("localNodeId must not be blank");
        }
        if (connectionsPerPeer <= 0) {
            throw new IllegalArgumentException("connectionsPerPeer must be positive, was " + connectionsPerPeer);
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("reconnectBackoffMin", reconnectBackoffMin);
        if (connectTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connectTimeout is too long: " + connectTimeout);
        }
        if (reconnectBackoffMax.compareTo(reconnectBackoffMin) < 0) {
            throw new IllegalArgumentException("reconnectBackoffMax (" + reconnectBackoffMax
                    + ") must not be below reconnectBackoffMin (" + reconnectBackoffMin + ")");
        }
        if (maxInFlightPerPeer <= 0) {
            throw new IllegalArgumentException("maxInFlightPerPeer must be positive, was " + maxInFlightPerPeer);
        }
        if (bindHost != null && bindHost.isBlank()) {
            throw new IllegalArgumentException("bindHost must be null or an address, was blank");
        }
    }

    /** The defaults above, with no bind address. */
    public static InternodeClientConfig defaults(String localNodeId) {
        return new InternodeClientConfig(
                localNodeId,
                ProtocolLimits.DEFAULT,
                DEFAULT_CONNECTIONS_PER_PEER,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_RECONNECT_BACKOFF_MIN,
                DEFAULT_RECONNECT_BACKOFF_MAX,
                DEFAULT_MAX_IN_FLIGHT_PER_PEER,
                null);
    }

    public InternodeClientConfig withConnectionsPerPeer(int newConnectionsPerPeer) {
        return new InternodeClientConfig(
                localNodeId,
                limits,
                newConnectionsPerPeer,
                connectTimeout,
                reconnectBackoffMin,
                reconnectBackoffMax,
                maxInFlightPerPeer,
                bindHost);
    }

    public InternodeClientConfig withReconnectBackoff(Duration newMin, Duration newMax) {
        return new InternodeClientConfig(
                localNodeId, limits, connectionsPerPeer, connectTimeout, newMin, newMax, maxInFlightPerPeer, bindHost);
    }

    public InternodeClientConfig withMaxInFlightPerPeer(int newMaxInFlightPerPeer) {
        return new InternodeClientConfig(
                localNodeId,
                limits,
                connectionsPerPeer,
                connectTimeout,
                reconnectBackoffMin,
                reconnectBackoffMax,
                newMaxInFlightPerPeer,
                bindHost);
    }

    public InternodeClientConfig withBindHost(String newBindHost) {
        return new InternodeClientConfig(
                localNodeId,
                limits,
                connectionsPerPeer,
                connectTimeout,
                reconnectBackoffMin,
                reconnectBackoffMax,
                maxInFlightPerPeer,
                newBindHost);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
