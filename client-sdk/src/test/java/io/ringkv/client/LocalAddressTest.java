package io.ringkv.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.client.config.ConnectionConfig;
import io.ringkv.client.error.RingKvException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalAddressTest {

    @Test
    void should_connect_from_the_chosen_local_address() throws Exception {
        InetAddress clientAddress = InetAddress.getByName("127.0.1.5");
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            // The listener only records who connected and never answers, so the client's bootstrap fails.
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> acceptOne(server));

            assertThatThrownBy(() -> RingKvClient.builder()
                            .seeds("127.0.0.1:" + server.getLocalPort())
                            .localAddress(clientAddress)
                            .bootstrapTimeout(Duration.ofMillis(500))
                            .requestTimeout(Duration.ofMillis(200))
                            .build())
                    .isInstanceOf(RingKvException.class);

            try (Socket connection = accepted.get(5, TimeUnit.SECONDS)) {
                assertThat(connection.getInetAddress()).isEqualTo(clientAddress);
            }
        }
    }

    @Test
    void should_keep_the_local_address_when_other_connection_settings_change() {
        InetAddress chosen = InetAddress.getLoopbackAddress();

        ConnectionConfig config = ConnectionConfig.DEFAULT
                .withLocalAddress(chosen)
                .withConnectionsPerNode(4)
                .withConnectTimeout(Duration.ofSeconds(1));

        assertThat(ConnectionConfig.DEFAULT.localAddress()).isNull();
        assertThat(config.localAddress()).isEqualTo(chosen);
        assertThat(config.connectionsPerNode()).isEqualTo(4);
    }

    private static Socket acceptOne(ServerSocket server) {
        try {
            return server.accept();
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
