package io.ringkv.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.CausalContext;
import io.ringkv.client.RingKvClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The container cluster end to end; skipped where no Docker engine is available. */
@Testcontainers(disabledWithoutDocker = true)
class RingKvContainerClusterIT {

    @Test
    void should_serve_the_sdk_and_the_http_api_from_a_cluster_of_containers() throws IOException, InterruptedException {
        try (RingKvContainerCluster cluster =
                RingKvContainerCluster.builder().nodes(3).partitionCount(32).start()) {
            RingKvClient client = cluster.newClient();

            client.blocking().put("container-key", "value", CausalContext.NONE);

            assertThat(client.blocking().get("container-key").valueAsString()).isEqualTo("value");
            HttpResponse<String> status = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(cluster.httpUri(2).resolve("/admin/status"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("n1", "n2", "n3");
        }
    }
}
