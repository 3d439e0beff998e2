package io.ringkv.consistency.cluster;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One node of a {@link LocalCluster}: its identity and where it listens. The ports stay the same across
 * restarts, so peers and clients find the node again.
 *
 * @param id node id ({@code n1}, {@code n2}, ...)
 * @param host the loopback address the node binds for listening and for its outgoing connections
 * @param binaryPort binary protocol port (clients and peers)
 * @param httpPort HTTP API port (admin reports)
 * @param dataDirectory the node's data folder
 * @param logFile where the node's standard output and error go (appended across restarts)
 */
public record NodeSpec(String id, String host, int binaryPort, int httpPort, Path dataDirectory, Path logFile) {

    public NodeSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(logFile, "logFile");
    }

    /** {@code host:binaryPort}, the form seeds and clients use. */
    public String binaryAddress() {
        return host + ":" + binaryPort;
    }
}
