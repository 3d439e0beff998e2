package io.ringkv.benchmarks.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.protocol.ProtocolVersion;
import io.ringkv.protocol.codec.MessageDecoder;
import io.ringkv.protocol.codec.MessageEncoder;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.GossipSyn;
import io.ringkv.protocol.message.TraceContext;
import io.ringkv.ring.NodeState;
import io.ringkv.server.cluster.GossipMessages;
import io.ringkv.server.membership.Ack;
import io.ringkv.server.membership.Ack2;
import io.ringkv.server.membership.EndpointState;
import io.ringkv.server.membership.GossipDigest;
import io.ringkv.server.membership.Syn;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GossipByteMeterTest {

    @Test
    void should_count_exactly_the_encoded_frame_of_each_message() {
        Syn syn = syn(50);
        Ack ack = new Ack("b", 77, 5L, List.of(new GossipDigest("node-00003", 1, 0)), states(7), Optional.empty());
        Ack2 ack2 = new Ack2(states(2), Optional.empty());
        GossipByteMeter meter = new GossipByteMeter();
        meter.meter("a");

        meter.syn("a", "b", syn);
        meter.ack("b", "a", ack);
        meter.ack2("a", "b", ack2);

        int synFrame = independentlyEncodedFrame(GossipMessages.toWire(syn));
        int ackFrame = independentlyEncodedFrame(GossipMessages.toWire(ack));
        int ack2Frame = independentlyEncodedFrame(GossipMessages.toWire(ack2));
        assertThat(meter.bytesSent()).isEqualTo(synFrame + ack2Frame);
        assertThat(meter.bytesReceived()).isEqualTo(ackFrame);
        assertThat(meter.synBytes()).isEqualTo(synFrame);
        assertThat(meter.synsSent()).isEqualTo(1);
        assertThat(meter.synDigestsSent()).isEqualTo(50);
        assertThat(meter.statesSent()).isEqualTo(2);
    }

    @Test
    void should_size_the_real_wire_mapping_which_decodes_back_to_the_same_message() {
        Syn syn = syn(10);
        byte[] frame = new MessageEncoder().encodeToBytes(runningNodeEnvelope(GossipMessages.toWire(syn)));

        Envelope decoded = new MessageDecoder().decode(ByteBuffer.wrap(frame));

        assertThat(GossipMessages.fromWire((GossipSyn) decoded.body())).isEqualTo(syn);
        assertThat(new WireSizer().frameBytes(syn)).isEqualTo(frame.length + ProtocolVersion.LENGTH_FIELD_BYTES);
    }

    @Test
    void should_ignore_messages_between_unmetered_nodes_and_grow_with_the_digests_carried() {
        GossipByteMeter meter = new GossipByteMeter();
        meter.meter("a");
        meter.syn("b", "c", syn(10));
        assertThat(meter.bytesSent() + meter.bytesReceived()).isZero();

        WireSizer sizer = new WireSizer();
        int perDigest = (sizer.frameBytes(syn(200)) - sizer.frameBytes(syn(100))) / 100;
        assertThat(perDigest).as("bytes per digest of a 10-character node id").isBetween(24, 48);
    }

    @Test
    void should_meter_a_running_cluster_symmetrically_when_every_node_is_sampled() {
        SimulatedGossipCluster cluster = SimulatedGossipCluster.withDefaults(5, NetworkConditions.LAN);
        cluster.startNodes(12);
        cluster.nodeIds().forEach(cluster.meter()::meter);
        cluster.runRounds(20);

        GossipByteMeter meter = cluster.meter();
        assertThat(meter.bytesSent()).isPositive().isEqualTo(meter.bytesReceived());
        assertThat(meter.synBytes() + meter.ackBytes() + meter.ack2Bytes()).isEqualTo(2 * meter.bytesSent());
    }

    private static Syn syn(int digests) {
        List<GossipDigest> list = new ArrayList<>();
        for (int i = 0; i < digests; i++) {
            list.add(new GossipDigest(SimulatedGossipCluster.nodeIdOf(i), 1_700_000_000_000L + i, 1_000 + i));
        }
        return new Syn("node-00000", "sim", 40, digests > 2, 9L, list, 3, "node-00001");
    }

    private static List<EndpointState> states(int count) {
        List<EndpointState> states = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            states.add(EndpointState.initial(
                    SimulatedGossipCluster.nodeIdOf(i), 1, "10.0.0." + i, 7000, 8000, "", NodeState.NORMAL, 1));
        }
        return states;
    }

    private static int independentlyEncodedFrame(io.ringkv.protocol.message.Message body) {
        return ProtocolVersion.LENGTH_FIELD_BYTES
                + new MessageEncoder().encodeToBytes(runningNodeEnvelope(body)).length;
    }

    /** A running node's envelope: a request id and its (non-zero) ring version, no trace. */
    private static Envelope runningNodeEnvelope(io.ringkv.protocol.message.Message body) {
        return new Envelope(987_654, 3, TraceContext.EMPTY, body);
    }
}
