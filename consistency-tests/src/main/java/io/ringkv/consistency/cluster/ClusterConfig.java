package io.ringkv.consistency.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link LocalCluster}.
 *
 * <p>Node {@code i} (1-based) gets the address {@code 127.0.0.(firstAddressOctet + i - 1)}. The default
 * first octet is 2, so nodes use 127.0.0.2 ... 127.0.0.(N+1) and 127.0.0.1 stays free for clients:
 * packet-filter partitions then cut node-to-node traffic and never the clients' own connections.
 *
 * @param nodeCount how many nodes, 1..200
 * @param serverJar the runnable server jar
 * @param runDirectory where node data folders and logs go ({@code nodes/<id>/data}, {@code nodes/<id>/node.log})
 * @param firstAddressOctet last octet of the first node's 127.0.0.x address, 2..254
 * @param nodeSettings {@code --set key=value} settings given to every node (see docs/configuration.md)
 * @param jvmOptions options for each node's JVM, before {@code -jar}
 * @param startTimeout how long to wait for a node to serve, and for the ring to agree
 */
public record ClusterConfig(
        int nodeCount,
        Path serverJar,
        Path runDirectory,
        int firstAddressOctet,
        Map<String, String> nodeSettings,
        List<String> jvmOptions,
        Duration startTimeout) {

    /** Small partition count and fast gossip, so a test cluster forms and detects failures quickly. */
    public static final Map<String, String> TEST_SETTINGS = Map.of(
            "partition-count", "256",
            "gossip.interval-millis", "100",
            "requests.timeout-millis", "1000");

    /** Small heaps and a quick-starting JIT: several nodes share two cores with the clients. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

    public ClusterConfig {
        if (nodeCount < 1 || nodeCount > 200) {
            throw new IllegalArgumentException("nodeCount must be within 1..200, was " + nodeCount);
        }
        Objects.requireNonNull(serverJar, "serverJar");
        Objects.requireNonNull(runDirectory, "runDirectory");
        if (firstAddressOctet < 2 || firstAddressOctet + nodeCount - 1 > 254) {
            throw new IllegalArgumentException("node addresses 127.0.0." + firstAddressOctet + ".."
                    + (firstAddressOctet + nodeCount - 1) + " must stay within 127.0.0.2..127.0.0.254");
        }
        nodeSettings = Map.copyOf(new LinkedHashMap<>(nodeSettings));
        jvmOptions = List.copyOf(jvmOptions);
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
        }
    }

    /** {@code nodeCount} nodes on 127.0.0.2 and up, with {@link #TEST_SETTINGS}. */
    public static ClusterConfig of(int nodeCount, Path serverJar, Path runDirectory) {
        return new ClusterConfig(
                nodeCount, serverJar, runDirectory, 2, TEST_SETTINGS, DEFAULT_JVM_OPTIONS, Duration.ofSeconds(90));
    }

    public ClusterConfig withNodeSettings(Map<String, String> settings) {
        return new ClusterConfig(
                nodeCount, serverJar, runDirectory, firstAddressOctet, settings, jvmOptions, startTimeout);
    }

    public ClusterConfig withStartTimeout(Duration timeout) {
        return new ClusterConfig(
                nodeCount, serverJar, runDirectory, firstAddressOctet, nodeSettings, jvmOptions, timeout);
    }

    /** The loopback address of node {@code index} (1-based). */
    public String hostOf(int index) {
        return "127.0.0." + (firstAddressOctet + index - 1);
    }

    /**
     * Client {@code i} connects from 127.0.1.(i+1): an address no partition rule names, distinct per
     * client so node logs and packet captures tell the clients apart.
     */
    public static InetAddress clientAddress(int index) {
        try {
            return InetAddress.getByName("127.0.1." + (index % 254 + 1));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
