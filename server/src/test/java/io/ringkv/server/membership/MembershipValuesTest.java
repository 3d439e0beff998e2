package io.ringkv.server.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.ring.NodeState;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembershipValuesTest {

    @Test
    void should_parse_a_seed_address() {
        assertThat(PeerAddress.parse("10.0.0.7:7000")).isEqualTo(new PeerAddress("10.0.0.7", 7000));
        assertThat(PeerAddress.parse("node-1.example.com:9042").toString()).isEqualTo("node-1.example.com:9042");
    }

    @Test
    void should_reject_malformed_seed_addresses() {
        for (String bad : List.of("no-port", ":7000", "host:", "host:70000", "host:port", "host:0")) {
            assertThatThrownBy(() -> PeerAddress.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void should_order_endpoint_states_by_generation_then_version() {
        EndpointState first = EndpointState.initial("a", 5, "h", 7000, 0, null, NodeState.JOINING, 5);
        EndpointState later = first.withUnreachable(Set.of("z", "b")).withStatus(NodeState.NORMAL);

        assertThat(first.rack()).isEmpty();
        assertThat(first.unreachable()).isEmpty();
        assertThat(later.version()).isEqualTo(3);
        assertThat(later.unreachable()).containsExactly("b", "z");
        assertThat(later.convicts("z")).isTrue();
        assertThat(later.convicts("a")).isFalse();
        assertThat(later.isNewerThan(first)).isTrue();
        assertThat(first.isNewerThan(later)).isFalse();
        assertThat(first.isNewerThan(4, 1_000))
                .as("a newer generation beats any version")
                .isTrue();
        assertThat(later.digest()).isEqualTo(new GossipDigest("a", 5, 3));
        assertThat(later.address()).isEqualTo(new PeerAddress("h", 7000));
    }

    @Test
    void should_reject_invalid_endpoint_states() {
        assertThatThrownBy(() -> EndpointState.initial(" ", 1, "h", 7000, 0, "", NodeState.NORMAL, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EndpointState.initial("a", -1, "h", 7000, 0, "", NodeState.NORMAL, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EndpointState.initial("a", 1, "h", 0, 0, "", NodeState.NORMAL, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_validate_gossip_settings_and_name_each_problem() {
        GossiperConfig defaults = GossiperConfig.defaults("c", List.of(PeerAddress.parse("s:7000")));

        assertThat(defaults.gossipIntervalMillis()).isEqualTo(200);
        assertThat(defaults.fanout()).isEqualTo(2);
        assertThat(defaults.monitors()).isEqualTo(3);
        assertThat(defaults.gossipIntervalNanos()).isEqualTo(200_000_000L);
        assertThat(defaults.failureDetector()).isEqualTo(FailureDetectorConfig.DEFAULTS);
        assertThatThrownBy(() -> new GossiperConfig(" ", 5, 0, 0, List.of(), FailureDetectorConfig.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clusterName")
                .hasMessageContaining("gossipIntervalMillis")
                .hasMessageContaining("fanout")
                .hasMessageContaining("monitors");
    }

    @Test
    void should_say_an_ack2_is_empty_only_without_states_and_ring() {
        assertThat(new Ack2(List.of(), Optional.empty()).isEmpty()).isTrue();
        assertThat(new Ack2(List.of(), Optional.of(RingRegister.NONE)).isEmpty())
                .isFalse();
    }
}
