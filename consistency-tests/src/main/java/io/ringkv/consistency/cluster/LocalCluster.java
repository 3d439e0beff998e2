package io.ringkv.consistency.cluster;

import io.ringkv.protocol.AdminCommand;
import io.ringkv.protocol.message.AdminReply;
import io.ringkv.protocol.message.AdminRequest;
import io.ringkv.protocol.message.Message;
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
import java.util.LinkedHashSet;
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
 * <p>{@link #close()} kills every node still running and waits for them to exit. Node data stays on disk
 * until {@link #deleteData()}, so a test can inspect it after a close. Two paths clean up on their own,
 * because no caller gets the chance to: a {@link #start} that fails deletes the data of the nodes it
 * launched, and a JVM shutdown hook (the test JVM interrupted or terminated before it could close) kills
 * the nodes and deletes their data. Logs stay in every case: they are what explains the failure.
 *
 * <p>Thread-safe: a fault injector thread and the test thread may call it at once.
 */
public final class LocalCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final long EXIT_WAIT_SECONDS = 30;
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);

    private final ClusterConfig config;
    private final SignalSender signals;
    private final NodeHttpAdmin http = new NodeHttpAdmin(Duration.ofSeconds(2));
    private final Map<String, NodeSpec> nodes = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Boolean> paused = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::killAllAndDeleteData, "ringkv-cluster-shutdown");
    private boolean closed;

    private LocalCluster(ClusterConfig config, SignalSender signals) {
        this.config = config;
        this.signals = signals;
    }

    /**
     * Starts every node and waits until they agree on a ring of all of them.
     *
     * @throws IllegalStateException when a node cannot start or the ring does not converge in time; every
     *     process started so far is killed and its data deleted first
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
            cluster.deleteData();
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
        awaitRingOf(Set.copyOf(nodeIds()), timeout);
    }

    /** Waits until every node in {@code expected} serves the same ring, owned by exactly those nodes. */
    private void awaitRingOf(Set<String> expected, Duration timeout) {
        Polling.await("every node serves one ring of " + expected, timeout, POLL_INTERVAL, () -> {
            Long version = null;
            for (String id : expected) {
                NodeSpec node = node(id);
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
        deleteNodeData();
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

    /** The shutdown hook: the JVM is exiting without a close, so nobody is left to inspect the data. */
    private void killAllAndDeleteData() {
        killAll();
        deleteNodeData();
    }

    private synchronized void deleteNodeData() {
        for (NodeSpec node : nodes.values()) {
            deleteRecursively(node.dataDirectory());
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
            String seed = index == 1 ? null : nodes().get(0).binaryAddress();
            launchNew("n" + index, seed);
        }
    }

    /**
     * Launches node {@code id} ({@code n<index>}, on the index's loopback address) on a fresh data folder.
     *
     * @param seedAddress the seed it joins through, or {@code null} for the first node, its own seed
     */
    private NodeSpec launchNew(String id, String seedAddress) {
        int index = indexOf(id);
        String host = config.hostOf(index);
        int[] ports = freePorts(host);
        Path home = config.runDirectory().resolve("nodes").resolve(id);
        NodeSpec node = new NodeSpec(id, host, ports[0], ports[1], home.resolve("data"), home.resolve("node.log"));
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the cluster is closed");
            }
            if (nodes.containsKey(id) || Files.exists(node.dataDirectory())) {
                throw new IllegalStateException(id + " is or was a member already; a joiner needs a new id");
            }
            nodes.put(id, node);
            processes.put(id, launch(node, seedAddress == null ? node.binaryAddress() : seedAddress));
        }
        return node;
    }

    private static int indexOf(String id) {
        if (!id.matches("n[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("node ids are n1, n2, ...; was " + id);
        }
        return Integer.parseInt(id.substring(1));
    }

    /**
     * Starts a new node {@code id} with an empty data folder and waits until it has joined: it streamed the
     * partitions it gains and every node serves one ring that contains it.
     *
     * @param timeout how long the join may take, start-up included
     * @throws IllegalStateException when {@code id} is taken or the join does not complete in time
     */
    public void join(String id, Duration timeout) {
        NodeSpec node = launchNew(id, restartSeed(id));
        LOG.info("{} joins on {}", id, node.binaryAddress());
        awaitRingAgreement(timeout);
    }

    /**
     * Decommissions node {@code id}: asks it to stream its partitions away and leave, waits until every other
     * node serves a ring without it, then stops its process (SIGTERM) and deletes its data (its log stays).
     * Afterwards it is no longer one of {@link #nodes()}.
     *
     * @throws IllegalStateException when the node refuses or the others do not agree in time
     */
    public void decommission(String id, Duration timeout) {
        NodeSpec node = node(id);
        Message reply;
        try {
            reply = BinaryCall.request(
                    node.host(), node.binaryPort(), new AdminRequest(AdminCommand.DECOMMISSION, ""), ADMIN_TIMEOUT);
        } catch (IOException failure) {
            throw new IllegalStateException("could not ask " + id + " to decommission", failure);
        }
        if (!(reply instanceof AdminReply)) {
            throw new IllegalStateException(id + " refused to decommission: " + reply);
        }
        LOG.info("{} decommissions", id);
        Set<String> remaining = new LinkedHashSet<>(nodeIds());
        remaining.remove(id);
        awaitRingOf(remaining, timeout);
        terminate(id);
        synchronized (this) {
            nodes.remove(id);
            processes.remove(id);
            paused.remove(id);
        }
        deleteRecursively(node.dataDirectory());
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
