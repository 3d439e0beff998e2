package io.ringkv.client.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Connections to each node. Validated on construction; the message names the bad value.
 *
 * @param connectionsPerNode TCP connections kept open to every node; requests are multiplexed on them,
 *     so a few suffice. Default 2
 * @param maxInFlightPerNode requests sent to one node and not yet answered; the backpressure bound.
 *     Default 1024
 * @param backpressure what a request does at a node that reached the bound. Default
 *     {@link BackpressureMode#FAIL_FAST}
 * @param maxQueuedPerNode in {@link BackpressureMode#WAIT} mode, how many requests may wait for a slot on
 *     one node; beyond that they are refused. Default 1024
 * @param maxQueueWait in {@link BackpressureMode#WAIT} mode, how long a request waits for a slot on one
 *     node. Default 100 ms
 * @param connectTimeout how long opening a connection may take. Default 2 s
 * @param localAddress the local address every connection to a node binds to (with an ephemeral port),
 *     or {@code null} to let the operating system choose. Default {@code null}. Lets a test put a
 *     client on its own loopback address, so a packet filter can tell it apart from the nodes
 */
public record ConnectionConfig(
        int connectionsPerNode,
        int maxInFlightPerNode,
        BackpressureMode backpressure,
        int maxQueuedPerNode,
        Duration maxQueueWait,
        Duration connectTimeout,
        InetAddress localAddress) {

    public static final ConnectionConfig DEFAULT = new ConnectionConfig(
            2, 1024, BackpressureMode.FAIL_FAST, 1024, Duration.ofMillis(100), Duration.ofSeconds(2), null);

    /** Settings with no chosen local address. */
    public ConnectionConfig(
            int connectionsPerNode,
            int maxInFlightPerNode,
            BackpressureMode backpressure,
            int maxQueuedPerNode,
            Duration maxQueueWait,
            Duration connectTimeout) {
        this(
                connectionsPerNode,
                maxInFlightPerNode,
                backpressure,
                maxQueuedPerNode,
                maxQueueWait,
                connectTimeout,
                null);
    }

    public ConnectionConfig {
        ConfigChecks.checkRange("connectionsPerNode", connectionsPerNode, 1, 64);
        ConfigChecks.checkRange("maxInFlightPerNode", maxInFlightPerNode, 1, 1 << 20);
        Objects.requireNonNull(backpressure, "backpressure");
        ConfigChecks.checkRange("maxQueuedPerNode", maxQueuedPerNode, 0, 1 << 20);
        ConfigChecks.checkPositive("maxQueueWait", maxQueueWait);
        ConfigChecks.checkPositive("connectTimeout", connectTimeout);
        if (connectTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connectTimeout is too long: " + connectTimeout);
        }
    }

    public ConnectionConfig withConnectionsPerNode(int value) {
        return new ConnectionConfig(
                value, maxInFlightPerNode, backpressure, maxQueuedPerNode, maxQueueWait, connectTimeout, localAddress);
    }

    public ConnectionConfig withMaxInFlightPerNode(int value) {
        return new ConnectionConfig(
                connectionsPerNode, value, backpressure, maxQueuedPerNode, maxQueueWait, connectTimeout, localAddress);
    }

    public ConnectionConfig withBackpressure(BackpressureMode value) {
        return new ConnectionConfig(
                connectionsPerNode,
                maxInFlightPerNode,
                value,
                maxQueuedPerNode,
                maxQueueWait,
                connectTimeout,
                localAddress);
    }

    public ConnectionConfig withMaxQueuedPerNode(int value) {
        return new ConnectionConfig(
                connectionsPerNode,
                maxInFlightPerNode,
                backpressure,
                value,
                maxQueueWait,
                connectTimeout,
                localAddress);
    }

    public ConnectionConfig withMaxQueueWait(Duration value) {
        return new ConnectionConfig(
                connectionsPerNode,
                maxInFlightPerNode,
                backpressure,
                maxQueuedPerNode,
                value,
                connectTimeout,
                localAddress);
    }

    public ConnectionConfig withConnectTimeout(Duration value) {
        return new ConnectionConfig(
                connectionsPerNode,
                maxInFlightPerNode,
                backpressure,
                maxQueuedPerNode,
                maxQueueWait,
                value,
                localAddress);
    }

    /** Binds every connection to {@code value} (with an ephemeral port); {@code null} for no choice. */
    public ConnectionConfig withLocalAddress(InetAddress value) {
        return new ConnectionConfig(
                connectionsPerNode,
                maxInFlightPerNode,
                backpressure,
                maxQueuedPerNode,
                maxQueueWait,
                connectTimeout,
                value);
    }
}
