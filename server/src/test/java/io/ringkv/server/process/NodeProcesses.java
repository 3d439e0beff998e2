package io.ringkv.server.process;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Real node processes started from the runnable jar, each with its own ports and data folder under a
 * test's temporary folder. Processes are stopped and killed only through the {@link Process} handles this
 * class started (never by name), and every one still running is killed by {@link #close()}.
 */
final class NodeProcesses implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Map<String, String> settings;
    private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** One node: its ports stay the same across restarts so peers find it again. */
    record NodeProcess(String id, int binaryPort, int httpPort, Path dataDir, Process process) {
        NodeProcess withProcess(Process restarted) {
            return new NodeProcess(id, binaryPort, httpPort, dataDir, restarted);
        }
    }

    NodeProcesses(Path root, Map<String, String> settings) {
        this.root = root;
        this.settings = Map.copyOf(settings);
    }

    /** Starts nodes n1..n{count} (n1 is the seed) and waits until they agree on a ring with all of them. */
    void startCluster(int count) {
        for (int i = 1; i <= count; i++) {
            int[] ports = freePorts();
            NodeProcess node = new NodeProcess("n" + i, ports[0], ports[1], root.resolve("n" + i), null);
            nodes.put(node.id(), node.withProcess(launch(node)));
        }
        awaitRingOf(nodes.keySet());
    }

    NodeProcess node(String id) {
        return nodes.get(id);
    }

    List<String> ids() {
        return List.copyOf(nodes.keySet());
    }

    /** SIGKILL: the node gets no chance to flush or say goodbye. */
    void kill(String id) {
        Process process = nodes.get(id).process();
        process.destroyForcibly();
        waitForExit(process);
    }

    /** SIGTERM: a clean shutdown. */
    void stop(String id) {
        Process process = nodes.get(id).process();
        process.destroy();
        waitForExit(process);
    }

    void restart(String id) {
        NodeProcess node = nodes.get(id);
        nodes.put(id, node.withProcess(launch(node)));
    }

    /** Waits until every listed node serves one ring version whose owners are exactly these nodes. */
    void awaitRingOf(Set<String> ids) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    long version = -1;
                    for (String id : ids) {
                        Optional<JsonNode> ring = getJson(id, "/admin/ring");
                        if (ring.isEmpty()) {
                            return false;
                        }
                        Set<String> owners = new HashSet<>();
                        ring.get().path("owners").forEach(owner -> owners.add(owner.asText()));
                        long nodeVersion = ring.get().path("version").asLong();
                        if (!owners.equals(ids) || (version != -1 && version != nodeVersion)) {
                            return false;
                        }
                        version = nodeVersion;
                    }
                    return true;
                });
    }

    /** Whether {@code observer} currently considers {@code subject} alive, per its status report. */
    Optional<Boolean> seesAlive(String observer, String subject) {
        return getJson(observer, "/admin/status").flatMap(status -> {
            for (JsonNode member : status.path("members")) {
                if (member.path("node").asText().equals(subject)) {
                    return Optional.of(member.path("alive").asBoolean());
                }
            }
            return Optional.empty();
        });
    }

    Optional<JsonNode> getJson(String id, String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + nodes.get(id).httpPort() + path))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException notServing) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Process launch(NodeProcess node) {
        try {
            Files.createDirectories(node.dataDir());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    serverJar().toString(),
                    "node",
                    "--id",
                    node.id(),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(node.binaryPort()),
                    "--http-port",
                    Integer.toString(node.httpPort()),
                    "--data-dir",
                    node.dataDir().toString(),
                    "--seeds",
                    "127.0.0.1:" + seedPort(node)));
            settings.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            node.dataDir().resolve("node.log").toFile()))
                    .start();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not start " + node.id(), failure);
        }
    }

    private int seedPort(NodeProcess node) {
        NodeProcess first = nodes.isEmpty() ? node : nodes.values().iterator().next();
        return first.binaryPort();
    }

    static Path serverJar() {
        Path jar = Path.of(System.getProperty("ringkv.serverJar", "target/ringkv-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "the runnable jar " + jar.toAbsolutePath() + " is missing: run mvn package");
        }
        return jar;
    }

    private static int[] freePorts() {
        try (ServerSocket binary = new ServerSocket(0);
                ServerSocket httpPort = new ServerSocket(0)) {
            return new int[] {binary.getLocalPort(), httpPort.getLocalPort()};
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static void waitForExit(Process process) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (NodeProcess node : nodes.values()) {
            if (node.process() != null && node.process().isAlive()) {
                node.process().destroyForcibly();
                waitForExit(node.process());
            }
        }
    }
}
