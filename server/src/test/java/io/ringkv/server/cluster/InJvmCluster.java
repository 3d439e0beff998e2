package io.ringkv.server.cluster;

import static org.awaitility.Awaitility.await;

import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.config.NodeConfig;
import io.ringkv.server.config.NodeConfigLoader;
import io.ringkv.server.node.RingKvNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several real nodes in one JVM on loopback (ephemeral ports, in-memory or on-disk storage), started
 * in sequence and awaited until every node serves the same ring with all of them in it.
 */
public final class InJvmCluster implements AutoCloseable {

    private final List<RingKvNode> nodes = new ArrayList<>();

    private InJvmCluster() {}

    /**
     * @param settings extra settings for every node, e.g. {@code replication-factor=2}
     */
    public static InJvmCluster start(int size, Path dataRoot, Map<String, String> settings) {
        InJvmCluster cluster = new InJvmCluster();
        try {
            String seed = null;
            for (int i = 1; i <= size; i++) {
                NodeConfigLoader loader = new NodeConfigLoader()
                        .with("node-id", "n" + i)
                        .with("host", "127.0.0.1")
                        .with("port", "0")
                        .with("http-port", "0")
                        .with("data-dir", dataRoot.resolve("n" + i).toString())
                        .with("partition-count", "256")
                        .with("storage.engine", "memory")
                        .with("gossip.interval-millis", "50")
                        .with("hints.replay-interval-millis", "100")
                        .with("io-threads", "2")
                        .with("storage-threads", "2");
                if (seed != null) {
                    loader.with("seeds", seed);
                }
                settings.forEach(loader::with);
                NodeConfig config = loader.build();
                RingKvNode node = RingKvNode.start(config);
                cluster.nodes.add(node);
                if (seed == null) {
                    seed = "127.0.0.1:" + node.binaryPort();
                }
            }
            cluster.awaitRing();
            return cluster;
        } catch (RuntimeException failure) {
            cluster.close();
            throw failure;
        }
    }

    /** Waits until all nodes serve one ring version that contains every node, each seeing all alive. */
    public void awaitRing() {
        await().atMost(Duration.ofSeconds(30)).until(this::ringAgreed);
    }

    private boolean ringAgreed() {
        Long version = null;
        for (RingKvNode node : nodes) {
            RingSnapshot ring = node.ring();
            if (ring == null || ring.distinctOwnerCount() != nodes.size()) {
                return false;
            }
            if (version != null && ring.version() != version) {
                return false;
            }
            version = ring.version();
            Set<String> alive = new HashSet<>();
            for (RingKvNode other : nodes) {
                if (node.topology().isAlive(other.nodeId())) {
                    alive.add(other.nodeId());
                }
            }
            if (alive.size() != nodes.size()) {
                return false;
            }
        }
        return true;
    }

    public List<RingKvNode> nodes() {
        return List.copyOf(nodes);
    }

    public RingKvNode node(String nodeId) {
        return nodes.stream()
                .filter(node -> node.nodeId().equals(nodeId))
                .findFirst()
                .orElseThrow();
    }

    public RingSnapshot ring() {
        return nodes.get(0).ring();
    }

    @Override
    public void close() {
        for (RingKvNode node : nodes) {
            node.close();
        }
    }
}
