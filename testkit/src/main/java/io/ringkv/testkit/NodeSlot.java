package io.ringkv.testkit;

import io.ringkv.server.config.NodeConfigLoader;
import io.ringkv.server.node.RingKvNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One node position of an {@link EmbeddedRingKvCluster}: its id, data folder and ports survive a stop, so
 * a restart brings back the same node (same id, same addresses) rather than a new member.
 */
final class NodeSlot {

    private final String nodeId;
    private final Path dataDirectory;
    private RingKvNode running;
    private int binaryPort;
    private int httpPort;

    NodeSlot(String nodeId, Path dataDirectory) {
        this.nodeId = nodeId;
        this.dataDirectory = dataDirectory;
    }

    String nodeId() {
        return nodeId;
    }

    boolean isRunning() {
        return running != null;
    }

    /** The running node; fails when it is stopped. */
    RingKvNode node() {
        if (running == null) {
            throw new IllegalStateException("node " + nodeId + " is stopped");
        }
        return running;
    }

    /** {@code 127.0.0.1:port} of the binary protocol, also while stopped (the port is reused on restart). */
    String binaryAddress() {
        return EmbeddedRingKvCluster.HOST + ":" + binaryPort;
    }

    /**
     * Starts the node. The first start binds ephemeral ports; a restart asks for the same ones again, so
     * that peers and clients find the node where the ring says it is.
     */
    void start(Map<String, String> baseSettings, List<String> seeds) {
        if (running != null) {
            throw new IllegalStateException("node " + nodeId + " is already running");
        }
        NodeConfigLoader loader = new NodeConfigLoader();
        baseSettings.forEach(loader::with);
        loader.with("node-id", nodeId)
                .with("host", EmbeddedRingKvCluster.HOST)
                .with("port", Integer.toString(binaryPort))
                .with("http-port", Integer.toString(httpPort))
                .with("data-dir", dataDirectory.toString())
                .with("seeds", String.join(",", seeds));
        running = RingKvNode.start(loader.build());
        binaryPort = running.binaryPort();
        httpPort = running.httpPort();
    }

    /** Closes the node cleanly (in-flight requests finish); its data folder stays for a restart. */
    void stop() {
        if (running != null) {
            RingKvNode node = running;
            running = null;
            node.close();
        }
    }
}
