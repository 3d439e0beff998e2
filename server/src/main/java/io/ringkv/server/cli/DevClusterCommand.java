package io.ringkv.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dev}: a local cluster on loopback, one child JVM per node, so that {@code kill -9} of one
 * PID is a real node failure. Node i listens on 7100+i (binary) and 8100+i (HTTP) with its data and
 * log under {@code ./data/n<i>}. Ctrl-C (or SIGTERM) stops every child with SIGTERM and waits for each
 * to close its storage.
 */
@Command(name = "dev", description = "Start a local cluster of N nodes on loopback (one JVM per node).")
public final class DevClusterCommand implements Callable<Integer> {

    @Option(names = "--nodes", defaultValue = "3", description = "number of nodes (default ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--data-dir", defaultValue = "data", description = "parent folder of the nodes' data")
    Path dataRoot;

    @Option(names = "--engine", defaultValue = "mapdb", description = "storage engine: mapdb, rocksdb or memory")
    String engine;

    @Option(names = "--base-port", defaultValue = "7100", description = "node i binary port = base + i")
    int basePort;

    @Option(names = "--base-http-port", defaultValue = "8100", description = "node i HTTP port = base + i")
    int baseHttpPort;

    @Option(names = "--node-heap", defaultValue = "512m", description = "-Xmx of each node JVM")
    String nodeHeap;

    @Option(
            names = "--io-threads",
            defaultValue = "0",
            description = "event-loop threads per node; 0 (default) = this machine's cores shared out, at least 1")
    int ioThreads;

    @Option(
            names = "--storage-threads",
            defaultValue = "4",
            description = "storage threads per node (default ${DEFAULT-VALUE})")
    int storageThreads;

    @Option(
            names = "--set",
            description =
                    "any node setting as key=value, passed to every node, e.g. --set anti-entropy.interval-millis=0")
    List<String> settings = new ArrayList<>();

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (nodes < 1 || nodes > 50) {
            throw new IllegalArgumentException("--nodes must be 1..50");
        }
        if (ioThreads < 0 || storageThreads < 1) {
            throw new IllegalArgumentException("--io-threads must be >= 0 and --storage-threads >= 1");
        }
        List<Process> children = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(children, stopped), "dev-cluster-stop"));
        String seeds = "127.0.0.1:" + (basePort + 1);
        for (int i = 1; i <= nodes; i++) {
            Path nodeDir = dataRoot.resolve("n" + i);
            Files.createDirectories(nodeDir);
            List<String> command = new ArrayList<>(List.of(
                    javaBinary(),
                    "-Xmx" + nodeHeap,
                    "-cp",
                    System.getProperty("java.class.path"),
                    "io.ringkv.server.RingKvMain",
                    "node",
                    "--id",
                    "n" + i,
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(basePort + i),
                    "--http-port",
                    Integer.toString(baseHttpPort + i),
                    "--data-dir",
                    nodeDir.toString(),
                    "--seeds",
                    seeds,
                    "--set",
                    "storage.engine=" + engine,
                    "--set",
                    "io-threads="
                            + ThreadShare.ioThreadsPerNode(
                                    ioThreads, Runtime.getRuntime().availableProcessors(), nodes),
                    "--set",
                    "storage-threads=" + storageThreads));
            for (String setting : settings) {
                command.add("--set");
                command.add(setting);
            }
            Process child = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            nodeDir.resolve("node.log").toFile()))
                    .start();
            synchronized (children) {
                children.add(child);
            }
        }
        awaitPorts(children);
        awaitRing(children);
        printTable(children);
        out.println("Try:  curl -s -X PUT localhost:" + (baseHttpPort + 1)
                + "/kv/hello -H 'Content-Type: application/json' -d '{\"value\":\"world\"}'");
        out.println("      curl -s localhost:" + (baseHttpPort + 2) + "/kv/hello");
        out.println("Ctrl-C stops the cluster.");
        for (Process child : children) {
            child.onExit().thenRun(() -> {
                if (stopped.getCount() > 0) {
                    out.println("node with PID " + child.pid() + " exited with " + child.exitValue());
                }
            });
        }
        stopped.await();
        return 0;
    }

    private void awaitPorts(List<Process> children) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int i = 1; i <= nodes; i++) {
            int port = baseHttpPort + i;
            while (!accepts(port)) {
                Process child = children.get(i - 1);
                if (!child.isAlive()) {
                    throw new IllegalStateException("node n" + i + " exited with " + child.exitValue() + "; see "
                            + dataRoot.resolve("n" + i).resolve("node.log"));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("node n" + i + " did not open port " + port + " within 60 s");
                }
                // Polling a port has no event to wait on; 100 ms keeps start-up snappy and cheap.
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    /**
     * Waits until every node serves the same ring and that ring gives every node partitions, so the
     * table is printed only once the cluster answers with all its nodes (joins take a few gossip rounds).
     */
    private void awaitRing(List<Process> children) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        ObjectMapper json = new ObjectMapper();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ringComplete(http, json)) {
            for (int i = 0; i < children.size(); i++) {
                if (!children.get(i).isAlive()) {
                    throw new IllegalStateException("node n" + (i + 1) + " exited; see "
                            + dataRoot.resolve("n" + (i + 1)).resolve("node.log"));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the nodes did not agree on a ring of " + nodes + " within 60 s");
            }
            // Ring agreement is observable only by asking the nodes; poll gently.
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private boolean ringComplete(HttpClient http, ObjectMapper json) {
        long version = -1;
        for (int i = 1; i <= nodes; i++) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (baseHttpPort + i) + "/admin/ring"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode ring = json.readTree(response.body());
                long nodeVersion = ring.path("version").asLong();
                Set<String> owners = new HashSet<>();
                ring.path("owners").forEach(owner -> owners.add(owner.asText()));
                if (nodeVersion == 0 || owners.size() != nodes || (version != -1 && nodeVersion != version)) {
                    return false;
                }
                version = nodeVersion;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private void printTable(List<Process> children) {
        out.printf("%-5s %-10s %-12s %-10s %-8s %s%n", "node", "host", "binary port", "http port", "pid", "data");
        for (int i = 1; i <= nodes; i++) {
            out.printf(
                    "%-5s %-10s %-12d %-10d %-8d %s%n",
                    "n" + i,
                    "127.0.0.1",
                    basePort + i,
                    baseHttpPort + i,
                    children.get(i - 1).pid(),
                    dataRoot.resolve("n" + i));
        }
    }

    private static void stopAll(List<Process> children, CountDownLatch stopped) {
        List<Process> snapshot;
        synchronized (children) {
            snapshot = List.copyOf(children);
        }
        stopped.countDown();
        snapshot.forEach(Process::destroy);
        for (Process child : snapshot) {
            try {
                if (!child.waitFor(30, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                child.destroyForcibly();
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
