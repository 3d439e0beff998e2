package io.ringkv.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.ring.NodeState;
import io.ringkv.server.membership.Ack;
import io.ringkv.server.membership.Ack2;
import io.ringkv.server.membership.EndpointState;
import io.ringkv.server.membership.GossipDigest;
import io.ringkv.server.membership.RingRegister;
import io.ringkv.server.membership.Syn;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GossipMessagesTest {

    private static final EndpointState STATE = new EndpointState(
            "n2", 17, 4, "127.0.0.2", 7102, 8102, "rack-b", NodeState.NORMAL, 17, List.of("n3", "n5"));
    private static final RingRegister RING = new RingRegister(
            3, "n2", RingLayout.initial("n1", 32, 3).withMember("n2").toPayload());

    @Test
    void should_map_syn_ack_and_ack2_to_the_wire_and_back() {
        Syn syn = new Syn("n1", "ringkv", 42, true, -7L, List.of(new GossipDigest("n2", 17, 4)), 3, "n2");
        assertThat(GossipMessages.fromWire(GossipMessages.toWire(syn))).isEqualTo(syn);

        Ack ack = new Ack("n2", 9, 123L, List.of(new GossipDigest("n3", 1, 1)), List.of(STATE), Optional.of(RING));
        Ack ackBack = GossipMessages.fromWire(GossipMessages.toWire(ack));
        assertThat(ackBack.from()).isEqualTo("n2");
        assertThat(ackBack.heartbeat()).isEqualTo(9);
        assertThat(ackBack.viewHash()).isEqualTo(123L);
        assertThat(ackBack.digests()).isEqualTo(ack.digests());
        assertThat(ackBack.states()).containsExactly(STATE);
        assertThat(ackBack.ring()).contains(RING);

        Ack2 ack2 = new Ack2(List.of(STATE), Optional.empty());
        assertThat(GossipMessages.fromWire(GossipMessages.toWire(ack2))).isEqualTo(ack2);
    }
}
