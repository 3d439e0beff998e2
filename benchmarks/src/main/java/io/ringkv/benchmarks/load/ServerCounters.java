package io.ringkv.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.NodeState;
import io.ringkv.ring.RingSnapshot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the nodes' counters ({@code metrics} of {@code GET /admin/status}: forwarded requests, read
 * repairs, hinted writes, ...) and sums them over the cluster, so a run can report how much each
 * changed while it ran.
 */
public final class ServerCounters {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<URI> statusUris;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public ServerCounters(List<URI> statusUris) {
        this.statusUris = List.copyOf(statusUris);
        // HTTP/1.1: the default HTTP/2 client would first ask the node's HTTP/1.1 server to upgrade.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** The status endpoints of every node of the ring that has not left. */
    public static ServerCounters of(RingSnapshot ring) {
        return new ServerCounters(ring.nodes().values().stream()
                .filter(node -> node.state() != NodeState.LEFT)
                .map(ServerCounters::statusUri)
                .toList());
    }

    private static URI statusUri(NodeInfo node) {
        return URI.create("http://" + node.host() + ":" + node.httpPort() + "/admin/status");
    }

    /**
     * Every counter summed over the nodes.
     *
     * @throws IOException when a node did not answer with its status
     */
    public Map<String, Long> read() throws IOException, InterruptedException {
        Map<String, Long> sums = new HashMap<>();
        for (URI uri : statusUris) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(uri + " answered HTTP " + response.statusCode());
            }
            JsonNode metrics = json.readTree(response.body()).path("metrics");
            metrics.fields()
                    .forEachRemaining(
                            field -> sums.merge(field.getKey(), field.getValue().asLong(), Long::sum));
        }
        return sums;
    }

    /** {@code after - before} for each counter present in both. */
    public static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((name, value) -> {
            Long old = before.get(name);
            if (old != null) {
                delta.put(name, value - old);
            }
        });
        return delta;
    }
}
