package io.ringkv.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.protocol.ProtocolLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The transport configs reject bad values up front, naming the setting. */
class TransportConfigTest {

    @Test
    void should_refuse_a_server_config_with_an_impossible_port() {
        assertThatThrownBy(() -> MessageServerConfig.of("127.0.0.1", 70_000, "n1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
    }

    @Test
    void should_refuse_a_server_config_without_room_for_a_single_request() {
        assertThatThrownBy(() -> MessageServerConfig.of("127.0.0.1", 0, "n1").withMaxInFlightPerConnection(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxInFlightPerConnection");
    }

    @Test
    void should_refuse_a_negative_idle_timeout_but_accept_zero_as_never() {
        MessageServerConfig config = MessageServerConfig.of("127.0.0.1", 0, "n1");

        assertThat(config.withIdleTimeout(Duration.ZERO).idleTimeout()).isZero();
        assertThatThrownBy(() -> config.withIdleTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idleTimeout");
    }

    @Test
    void should_refuse_a_client_config_whose_backoff_maximum_is_below_its_minimum() {
        InternodeClientConfig defaults = InternodeClientConfig.defaults("n1");

        assertThatThrownBy(() -> defaults.withReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reconnectBackoffMax");
    }

    @Test
    void should_refuse_a_client_config_without_connections_or_in_flight_room() {
        InternodeClientConfig defaults = InternodeClientConfig.defaults("n1");

        assertThatThrownBy(() -> defaults.withConnectionsPerPeer(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectionsPerPeer");
        assertThatThrownBy(() -> defaults.withMaxInFlightPerPeer(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxInFlightPerPeer");
    }

    @Test
    void should_refuse_a_zero_connect_timeout() {
        assertThatThrownBy(() -> new InternodeClientConfig(
                        "n1",
                        ProtocolLimits.DEFAULT,
                        2,
                        Duration.ZERO,
                        Duration.ofMillis(50),
                        Duration.ofSeconds(2),
                        16,
                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectTimeout");
    }

    @Test
    void should_say_only_lost_connections_and_timeouts_may_have_delivered_the_request() {
        for (PeerRequestException.Reason reason : PeerRequestException.Reason.values()) {
            boolean expected = reason == PeerRequestException.Reason.CONNECTION_LOST
                    || reason == PeerRequestException.Reason.TIMEOUT;
            assertThat(new PeerRequestException(reason, "n2", "detail").mayHaveBeenDelivered())
                    .as("%s", reason)
                    .isEqualTo(expected);
        }
    }
}
