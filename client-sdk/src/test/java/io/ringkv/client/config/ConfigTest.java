package io.ringkv.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.protocol.ProtocolLimits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void should_parse_host_and_port_including_bracketed_ipv6() {
        assertThat(HostAndPort.parse("db1.example.com:7101")).isEqualTo(new HostAndPort("db1.example.com", 7101));
        assertThat(HostAndPort.parse(" [::1]:7101 ")).isEqualTo(new HostAndPort("::1", 7101));
        assertThat(new HostAndPort("::1", 7101).toString()).isEqualTo("[::1]:7101");
    }

    @Test
    void should_explain_a_bad_address() {
        assertThatThrownBy(() -> HostAndPort.parse("localhost")).hasMessageContaining("expected host:port");
        assertThatThrownBy(() -> HostAndPort.parse("::1:7101")).hasMessageContaining("brackets");
        assertThatThrownBy(() -> HostAndPort.parse("host:http")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> HostAndPort.parse("host:70000")).hasMessageContaining("1..65535");
    }

    @Test
    void should_name_the_bad_setting() {
        assertThatThrownBy(() -> ConnectionConfig.DEFAULT.withConnectionsPerNode(0))
                .hasMessageContaining("connectionsPerNode");
        assertThatThrownBy(() -> ConnectionConfig.DEFAULT.withMaxInFlightPerNode(0))
                .hasMessageContaining("maxInFlightPerNode");
        assertThatThrownBy(() -> ConnectionConfig.DEFAULT.withMaxQueueWait(Duration.ZERO))
                .hasMessageContaining("maxQueueWait");
        assertThatThrownBy(() -> TopologyConfig.DEFAULT.withRefreshInterval(Duration.ofSeconds(-1)))
                .hasMessageContaining("refreshInterval");
        assertThatThrownBy(() -> config(List.of(), Duration.ofSeconds(1), 5)).hasMessageContaining("at least one seed");
        assertThatThrownBy(() -> config(List.of(new HostAndPort("h", 1)), Duration.ZERO, 5))
                .hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> config(List.of(new HostAndPort("h", 1)), Duration.ofSeconds(1), 0))
                .hasMessageContaining("updateAttempts");
    }

    @Test
    void should_document_its_defaults_in_code() {
        assertThat(ConnectionConfig.DEFAULT.connectionsPerNode()).isEqualTo(2);
        assertThat(ConnectionConfig.DEFAULT.backpressure()).isEqualTo(BackpressureMode.FAIL_FAST);
        assertThat(TopologyConfig.DEFAULT.refreshInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ClientConfig.DEFAULT_REQUEST_TIMEOUT).isEqualTo(Duration.ofSeconds(2));
    }

    private static ClientConfig config(List<HostAndPort> seeds, Duration requestTimeout, int updateAttempts) {
        return new ClientConfig(
                seeds,
                ConnectionConfig.DEFAULT,
                TopologyConfig.DEFAULT,
                requestTimeout,
                Duration.ZERO,
                updateAttempts,
                1,
                ProtocolLimits.DEFAULT,
                1);
    }
}
