package io.ringkv.client.config;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A seed address: a host name or IP literal and the node's binary-protocol port.
 *
 * @param host name or address, without brackets for IPv6
 * @param port 1..65535
 */
public record HostAndPort(String host, int port) {

    public HostAndPort {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 1..65535, was " + port + " for " + host);
        }
    }

    /**
     * Parses {@code host:port}; IPv6 literals are written in brackets, {@code [::1]:7101}.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static HostAndPort parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("expected host:port, got '" + text + "'");
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("write IPv6 addresses in brackets, e.g. [::1]:7101; got '" + text + "'");
        }
        int port;
        try {
            port = Integer.parseInt(trimmed.substring(colon + 1));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("port is not a number in '" + text + "'", notANumber);
        }
        return new HostAndPort(host, port);
    }

    /** An unresolved socket address; name resolution happens at connect time, so DNS changes are seen. */
    public InetSocketAddress toSocketAddress() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
