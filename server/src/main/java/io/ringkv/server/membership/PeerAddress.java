package io.ringkv.server.membership;

import java.util.Objects;

/**
 * Where a peer's internode (binary protocol) port listens; gossip travels over the same connections as
 * replica traffic. Seeds are given as addresses because a bootstrapping node does not know their node ids.
 *
 * @param host host name or address
 * @param port binary port, 1..65535
 */
public record PeerAddress(String host, int port) {

    public PeerAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 1..65535, was " + port);
        }
    }

    /**
     * Parses {@code host:port} (the seed syntax of the node configuration).
     *
     * @throws IllegalArgumentException if the text is not {@code host:port} with a valid port
     */
    public static PeerAddress parse(String hostAndPort) {
        Objects.requireNonNull(hostAndPort, "hostAndPort");
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostAndPort.length() - 1) {
            throw new IllegalArgumentException("expected host:port, was '" + hostAndPort + "'");
        }
        String portText = hostAndPort.substring(colon + 1);
        if (!portText.chars().allMatch(Character::isDigit) || portText.length() > 5) {
            throw new IllegalArgumentException("expected a numeric port in '" + hostAndPort + "'");
        }
        return new PeerAddress(hostAndPort.substring(0, colon), Integer.parseInt(portText));
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
