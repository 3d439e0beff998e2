package io.ringkv.consistency.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a node's admin reports over HTTP: {@code GET /admin/ring} and {@code GET /admin/status}. A node
 * that does not answer (down, paused, partitioned from the caller) gives an empty result rather than an
 * exception: callers poll until the cluster is where they want it.
 *
 * <p>Thread-safe.
 */
public final class NodeHttpAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration requestTimeout;

    public NodeHttpAdmin(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    /** The JSON body of {@code GET path} when the node answers 200. */
    public Optional<JsonNode> getJson(NodeSpec node, String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://" + node.host() + ":" + node.httpPort() + path))
                            .timeout(requestTimeout)
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

    /** The node's ring. */
    public Optional<RingView> ring(NodeSpec node) {
        return getJson(node, "/admin/ring").map(RingView::fromJson);
    }

    /** Which members the node's failure detector believes alive, by node id. */
    public Optional<Map<String, Boolean>> liveness(NodeSpec node) {
        return getJson(node, "/admin/status").map(status -> {
            Map<String, Boolean> alive = new HashMap<>();
            for (JsonNode member : status.path("members")) {
                alive.put(member.path("node").asText(), member.path("alive").asBoolean());
            }
            return alive;
        });
    }
}
