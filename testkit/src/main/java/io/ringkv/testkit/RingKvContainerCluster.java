package io.ringkv.testkit;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringkv.client.RingKvClient;
import io.ringkv.client.RingKvClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * A RingKV cluster of Docker containers, one node per container, built from the server's
 * {@code Dockerfile} and runnable jar with Testcontainers. For tests that want the server as a separate
 * process with its own file system, or a released image, rather than {@link EmbeddedRingKvCluster}.
 *
 * <p><b>Addresses.</b> The nodes share a Docker network and find each other under the aliases
 * {@code ringkv-1}, {@code ringkv-2}, ... Each node advertises its container IP address in the ring, and
 * the SDK connects to the addresses the ring names, so {@link #seeds()} are those IP addresses: the test
 * JVM must be able to reach the containers' network directly, as it can on a Linux Docker host (CI
 * runners). The mapped ports ({@link #mappedBinaryAddress(int)}, {@link #httpUri(int)}) reach every
 * node from anywhere, for the HTTP API or a single bootstrap connection.
 *
 * <p>Testcontainers is an optional dependency of the test kit: add {@code org.testcontainers:testcontainers}
 * to your test dependencies to use this class. Needs a Docker engine; mark the test class
 * {@code @Testcontainers(disabledWithoutDocker = true)} to skip where there is none.
 */
public final class RingKvContainerCluster implements AutoCloseable {

    /** The binary and HTTP ports inside every container (the server's defaults). */
    public static final int BINARY_PORT = 7101;

    public static final int HTTP_PORT = 8101;

    private static final String DATA_DIRECTORY = "/var/lib/ringkv";
    private static final String SERVER_JAR = "/opt/ringkv/ringkv-server.jar";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Network network;
    private final List<GenericContainer<?>> containers = new ArrayList<>();
    private final List<RingKvClient> clients = new ArrayList<>();
    private boolean closed;

    private RingKvContainerCluster(Network network) {
        this.network = network;
    }

    /** Starts configuring a container cluster: 3 nodes, N = 3, 64 partitions, in-memory storage. */
    public static Builder builder() {
        return new Builder();
    }

    private static RingKvContainerCluster start(Builder settings) {
        ImageFromDockerfile image = new ImageFromDockerfile("ringkv-testkit-server", true)
                .withFileFromPath("Dockerfile", settings.dockerfile)
                .withFileFromPath("server/target/ringkv-server.jar", settings.serverJar);
        RingKvContainerCluster cluster = new RingKvContainerCluster(Network.newNetwork());
        try {
            for (int i = 1; i <= settings.nodeCount; i++) {
                GenericContainer<?> container = new GenericContainer<>(image)
                        .withNetwork(cluster.network)
                        .withNetworkAliases(alias(i))
                        .withExposedPorts(BINARY_PORT, HTTP_PORT)
                        // The node must advertise an address clients can reach; the container's own IP is
                        // known only inside it, so a shell asks for it and then becomes the server.
                        .withCreateContainerCmdModifier(command -> command.withEntrypoint("sh", "-c"))
                        // One argument: the whole command line for "sh -c" (the single-string overload would split it).
                        .withCommand(new String[] {nodeCommandLine(i, settings)})
                        .waitingFor(Wait.forLogMessage(".*serving binary on.*", 1)
                                .withStartupTimeout(settings.startTimeout));
                cluster.containers.add(container);
                container.start();
            }
            cluster.awaitRingAgreement(settings.startTimeout);
            return cluster;
        } catch (RuntimeException failure) {
            cluster.close();
            throw failure;
        }
    }

    private static String alias(int nodeNumber) {
        return "ringkv-" + nodeNumber;
    }

    private static String nodeCommandLine(int nodeNumber, Builder settings) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("partition-count", Integer.toString(settings.partitionCount));
        values.put("replication-factor", Integer.toString(settings.replicationFactor));
        values.put("storage.engine", settings.storageEngine);
        values.putAll(settings.settings);
        StringBuilder line = new StringBuilder("exec java -jar " + SERVER_JAR + " node")
                .append(" --id n")
                .append(nodeNumber)
                .append(" --host \"$(hostname -i | cut -d' ' -f1)\"")
                .append(" --port ")
                .append(BINARY_PORT)
                .append(" --http-port ")
                .append(HTTP_PORT)
                .append(" --data-dir ")
                .append(DATA_DIRECTORY);
        if (nodeNumber > 1) {
            line.append(" --seeds ").append(alias(1)).append(':').append(BINARY_PORT);
        }
        values.forEach((key, value) ->
                line.append(" --set '").append(key).append('=').append(value).append('\''));
        return line.toString();
    }

    /** Running nodes. */
    public int size() {
        return containers.size();
    }

    /** The container of node {@code index} (0-based; node id {@code n(index+1)}). */
    public GenericContainer<?> container(int index) {
        return containers.get(index);
    }

    /** {@code ip:7101} of every node: the addresses the ring advertises, for a client's seeds. */
    public List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        for (GenericContainer<?> container : containers) {
            String ip = container.getContainerInfo().getNetworkSettings().getNetworks().values().stream()
                    .map(settings -> settings.getIpAddress())
                    .filter(address -> address != null && !address.isEmpty())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("container has no IP address"));
            seeds.add(ip + ":" + BINARY_PORT);
        }
        return seeds;
    }

    /** {@code host:port} where the host reaches node {@code index}'s binary port. */
    public String mappedBinaryAddress(int index) {
        GenericContainer<?> container = containers.get(index);
        return container.getHost() + ":" + container.getMappedPort(BINARY_PORT);
    }

    /** The base URI of node {@code index}'s HTTP API, through its mapped port. */
    public URI httpUri(int index) {
        GenericContainer<?> container = containers.get(index);
        return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(HTTP_PORT));
    }

    /** A client seeded with {@link #seeds()}; closed with the cluster. */
    public RingKvClient newClient() {
        return newClient(builder -> {});
    }

    /** A client seeded with {@link #seeds()} and further settings; closed with the cluster. */
    public RingKvClient newClient(Consumer<RingKvClientBuilder> customizer) {
        RingKvClientBuilder builder = RingKvClient.builder().seeds(seeds().toArray(String[]::new));
        customizer.accept(builder);
        RingKvClient client = builder.build();
        clients.add(client);
        return client;
    }

    /** Stops the clients it created, the containers and their network. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        clients.forEach(RingKvClient::close);
        containers.forEach(GenericContainer::stop);
        network.close();
    }

    private void awaitRingAgreement(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await().atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    Long version = null;
                    for (int i = 0; i < containers.size(); i++) {
                        JsonNode ring = fetchRing(http, i);
                        Set<String> owners = new HashSet<>();
                        ring.path("owners").forEach(owner -> owners.add(owner.asText()));
                        long nodeVersion = ring.path("version").asLong();
                        if (owners.size() != containers.size() || (version != null && nodeVersion != version)) {
                            return false;
                        }
                        version = nodeVersion;
                    }
                    return true;
                });
    }

    private JsonNode fetchRing(HttpClient http, int index) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(httpUri(index).resolve("/admin/ring"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /admin/ring of node " + index + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** Configures a {@link RingKvContainerCluster}. Not thread-safe. */
    public static final class Builder {

        /** System property naming the server's Dockerfile; the test kit's own build sets it. */
        public static final String DOCKERFILE_PROPERTY = "ringkv.dockerfile";

        /** System property naming the runnable server jar; the test kit's own build sets it. */
        public static final String SERVER_JAR_PROPERTY = "ringkv.serverJar";

        private int nodeCount = 3;
        private int replicationFactor = 3;
        private int partitionCount = 64;
        private String storageEngine = "memory";
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Path dockerfile = pathFromProperty(DOCKERFILE_PROPERTY, "server/Dockerfile");
        private Path serverJar = pathFromProperty(SERVER_JAR_PROPERTY, "server/target/ringkv-server.jar");
        private Duration startTimeout = Duration.ofMinutes(2);

        private Builder() {}

        public Builder nodes(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("nodes must be at least 1, was " + value);
            }
            this.nodeCount = value;
            return this;
        }

        public Builder replicationFactor(int value) {
            this.replicationFactor = value;
            return this;
        }

        public Builder partitionCount(int value) {
            this.partitionCount = value;
            return this;
        }

        /** {@code memory} (default), {@code mapdb} or {@code rocksdb}; data lives in the container. */
        public Builder storageEngine(String value) {
            this.storageEngine = Objects.requireNonNull(value, "storageEngine");
            return this;
        }

        /** Any node setting by its configuration key, passed as {@code --set key=value}. */
        public Builder setting(String key, String value) {
            settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The server's Dockerfile (default: system property {@value #DOCKERFILE_PROPERTY}, else {@code server/Dockerfile}). */
        public Builder dockerfile(Path value) {
            this.dockerfile = Objects.requireNonNull(value, "dockerfile");
            return this;
        }

        /** The runnable server jar the image is built with (default: system property {@value #SERVER_JAR_PROPERTY}). */
        public Builder serverJar(Path value) {
            this.serverJar = Objects.requireNonNull(value, "serverJar");
            return this;
        }

        /** How long each container and then the ring agreement may take (default 2 minutes). */
        public Builder startTimeout(Duration value) {
            this.startTimeout = Objects.requireNonNull(value, "startTimeout");
            return this;
        }

        /** Builds the image, starts the containers one by one and waits until they agree on the ring. */
        public RingKvContainerCluster start() {
            if (!Files.isRegularFile(dockerfile)) {
                throw new UncheckedIOException(new IOException("no Dockerfile at " + dockerfile.toAbsolutePath()));
            }
            if (!Files.isRegularFile(serverJar)) {
                throw new UncheckedIOException(new IOException("no server jar at " + serverJar.toAbsolutePath()
                        + "; build it with ./mvnw -pl server package"));
            }
            return RingKvContainerCluster.start(this);
        }

        private static Path pathFromProperty(String property, String fallback) {
            return Path.of(System.getProperty(property, fallback));
        }
    }
}
