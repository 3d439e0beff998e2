package io.ringkv.consistency.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster of real RingKV node processes on this machine, each on its own loopback address.
 *
 * <p>Node {@code n1} is the seed (it creates the ring); the others join through it. {@link #start}
 * returns once every node serves one ring that contains all of them. Faults are applied only to the
 * processes this object started: kill -9 and SIGTERM through their {@link Process} handles, SIGSTOP and
 * SIGCONT by {@code kill -STOP <pid>} on the PID the handle reports. Never by name.
 *
 * <p>{@link #close()} kills every node still running (resuming paused ones first) and waits for them to
 * exit; a JVM shutdown hook does the same if the caller never gets to close, so no node outlives the
 * test. Node data stays on disk until {@link #deleteData()}.
 *
 * <p>Thread-safe: a fault injector thread and the test thread may call it at once.
 */
public final class LocalCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final long EXIT_WAIT_SECONDS = 30;

    private final ClusterConfig config;
    private final SignalSender signals;
    private final NodeHttpAdmin http = new NodeHttpAdmin(Duration.ofSeconds(2));
    private final Map<String, NodeSpec> nodes = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Boolean> paused = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::killAll, "ringkv-cluster-shutdown");
    private boolean closed;

    private LocalCluster(ClusterConfig config, SignalSender signals) {
        this.config = config;
        this.signals = signals;
    }

    /**
     * Starts every node and waits until they agree on a ring of all of them.
     *
     * @throws IllegalStateException when a node cannot start or the ring does not converge in time; every
     *     process started so far is killed first
     */
    public static LocalCluster start(ClusterConfig config) {
        return start(config, SignalSender.killCommand());
    }

    /** {@link #start(ClusterConfig)} with a chosen way of sending SIGSTOP and SIGCONT. */
    public static LocalCluster start(ClusterConfig config, SignalSender signals) {
        LocalCluster cluster = new LocalCluster(config, signals);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            cluster.launchAll();
            cluster.awaitRingAgreement(config.startTimeout());
            return cluster;
        } catch (RuntimeException failure) {
            cluster.close();
            throw failure;
        }
    }

    public ClusterConfig config() {
        return config;
    }

    /** Every node, in id order ({@code n1} first). */
    public synchronized List<NodeSpec> nodes() {
        return List.copyOf(nodes.values());
    }

    public synchronized List<String> nodeIds() {
        return List.copyOf(nodes.keySet());
    }

    public synchronized NodeSpec node(String id) {
        NodeSpec node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no node " + id + " in " + nodes.keySet());
        }
        return node;
    }

    /** The HTTP admin client the cluster polls with. */
    public NodeHttpAdmin http() {
        return http;
    }

    /** The PID of the node's current process, when it runs. */
    public synchronized Optional<Long> pid(String id) {
        Process process = processes.get(id);
        return process != null && process.isAlive() ? Optional.of(process.pid()) : Optional.empty();
    }

    public synchronized boolean isRunning(String id) {
        Process process = processes.get(id);
        return process != null && process.isAlive();
    }

    public synchronized boolean isPaused(String id) {
        return paused.getOrDefault(id, false);
    }

    /** kill -9: the node gets no chance to flush or say goodbye. Waits for the process to exit. */
    public void kill(String id) {
        Process process = runningProcess(id);
        LOG.info("kill -9 {} (pid {})", id, process.pid());
        process.destroyForcibly();
        awaitExit(process);
        markResumed(id);
    }

    /** SIGTERM: a clean shutdown. Waits for the process to exit (kills it if it takes too long). */
    public void terminate(String id) {
        Process process = runningProcess(id);
        if (isPaused(id)) {
            // A stopped process never handles SIGTERM: let it run so it can shut down.
            resume(id);
        }
        LOG.info("SIGTERM {} (pid {})", id, process.pid());
        process.destroy();
        awaitExit(process);
    }

    /** SIGSTOP: the process freezes, its sockets stay open and silent. */
    public void pause(String id) {
        Process process = runningProcess(id);
        LOG.info("SIGSTOP {} (pid {})", id, process.pid());
        signals.send(process.pid(), "STOP");
        synchronized (this) {
            paused.put(id, true);
        }
    }

    /** SIGCONT for a paused node; a no-op for a node that is not paused. */
    public void resume(String id) {
        Process process;
        synchronized (this) {
            if (!paused.getOrDefault(id, false)) {
                return;
            }
            process = processes.get(id);
        }
        if (process != null && process.isAlive()) {
            LOG.info("SIGCONT {} (pid {})", id, process.pid());
            signals.send(process.pid(), "CONT");
        }
        markResumed(id);
    }

    /**
     * Starts a node that is not running again, on the same address, ports and data, and waits until it
     * answers on its HTTP port.
     */
    public void restart(String id) {
        NodeSpec node;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the cluster is closed");
            }
            if (isRunning(id)) {
                throw new IllegalStateException(id + " is still running");
            }
            node = node(id);
            processes.put(id, launch(node, restartSeed(id)));
        }
        LOG.info("restarted {}", id);
        Polling.await(
                id + " serves its admin API again",
                config.startTimeout(),
                POLL_INTERVAL,
                () -> http.ring(node).isPresent());
    }

    /** Waits until every running node serves the same ring version, owned by exactly all nodes. */
    public void awaitRingAgreement(Duration timeout) {
        Set<String> expected = Set.copyOf(nodeIds());
        Polling.await("every node serves one ring of " + expected, timeout, POLL_INTERVAL, () -> {
            Long version = null;
            for (NodeSpec node : nodes()) {
                Optional<RingView> ring = http.ring(node);
                if (ring.isEmpty() || !ring.get().ownerIds().equals(expected)) {
                    return false;
                }
                if (version != null && version != ring.get().version()) {
                    return false;
                }
                version = ring.get().version();
            }
            return true;
        });
    }

    /** Waits until every node runs and believes every other node alive (gossip healed). */
    public void awaitAllAlive(Duration timeout) {
        List<String> ids = nodeIds();
        Polling.await("every node sees every node alive", timeout, POLL_INTERVAL, () -> {
            for (NodeSpec node : nodes()) {
                Optional<Map<String, Boolean>> alive = http.liveness(node);
                if (alive.isEmpty()) {
                    return false;
                }
                for (String peer : ids) {
                    if (!peer.equals(node.id()) && !alive.get().getOrDefault(peer, false)) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    /** Deletes every node's data folder (logs stay). Only for a closed cluster. */
    public synchronized void deleteData() {
        if (!closed) {
            throw new IllegalStateException("close the cluster before deleting its data");
        }
        for (NodeSpec node : nodes.values()) {
            deleteRecursively(node.dataDirectory());
        }
    }

    /** Kills every node still running and waits for each to exit. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already running its hooks, ours included: nothing to remove.
        }
    }

    private void killAll() {
        List<Process> running;
        synchronized (this) {
            running = new ArrayList<>(processes.values());
        }
        for (Process process : running) {
            if (process.isAlive()) {
                // SIGKILL also ends a stopped process; no SIGCONT needed first.
                process.destroyForcibly();
            }
        }
        for (Process process : running) {
            awaitExit(process);
        }
    }

    private void launchAll() {
        try {
            Files.createDirectories(config.runDirectory());
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot create " + config.runDirectory(), failure);
        }
        for (int index = 1; index <= config.nodeCount(); index++) {
            String id = "n" + index;
            String host = config.hostOf(index);
            int[] ports = freePorts(host);
            Path home = config.runDirectory().resolve("nodes").resolve(id);
            NodeSpec node = new NodeSpec(id, host, ports[0], ports[1], home.resolve("data"), home.resolve("node.log"));
            synchronized (this) {
                nodes.put(id, node);
                processes.put(id, launch(node, nodes.values().iterator().next().binaryAddress()));
            }
        }
    }

    /**
     * The seed a restarted node joins through: another node, preferably a running one. Never the node
     * itself, because a node whose first seed is itself creates a new ring when it knows none.
     */
    private synchronized String restartSeed(String id) {
        NodeSpec fallback = null;
        for (NodeSpec other : nodes.values()) {
            if (other.id().equals(id)) {
                continue;
            }
            if (isRunning(other.id()) && !isPaused(other.id())) {
                return other.binaryAddress();
            }
            if (fallback == null) {
                fallback = other;
            }
        }
        return fallback != null ? fallback.binaryAddress() : node(id).binaryAddress();
    }

    private Process launch(NodeSpec node, String seedAddress) {
        try {
            Files.createDirectories(node.dataDirectory());
            List<String> command = NodeCommandLine.of(
                    NodeCommandLine.currentJava(),
                    config.serverJar(),
                    config.jvmOptions(),
                    node,
                    seedAddress,
                    config.nodeSettings());
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(node.logFile().toFile()))
                    .start();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not start node " + node.id(), failure);
        }
    }

    private synchronized Process runningProcess(String id) {
        Process process = processes.get(id);
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(id + " is not running");
        }
        return process;
    }

    private synchronized void markResumed(String id) {
        paused.put(id, false);
    }

    private static int[] freePorts(String host) {
        try (ServerSocket binary = new ServerSocket();
                ServerSocket httpPort = new ServerSocket()) {
            binary.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            httpPort.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return new int[] {binary.getLocalPort(), httpPort.getLocalPort()};
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot bind a port on " + host, failure);
        }
    }

    private static void awaitExit(Process process) {
        try {
            if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot delete " + root, failure);
        }
    }
}
