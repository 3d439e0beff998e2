package io.ringkv.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.NodeStatus;
import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.protocol.message.AbdTag;
import io.ringkv.protocol.message.AbdWriteRequest;
import io.ringkv.protocol.message.EndpointState;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.GossipAck;
import io.ringkv.protocol.message.GossipAck2;
import io.ringkv.protocol.message.GossipSyn;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.MessageKind;
import io.ringkv.protocol.message.PingReply;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.protocol.message.RingAssignment;
import io.ringkv.protocol.message.TraceContext;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageCodecRoundTripTest {

    private static final int SEEDS_PER_KIND = 200;

    private final MessageEncoder encoder = new MessageEncoder();
    private final MessageDecoder decoder = new MessageDecoder();

    @ParameterizedTest
    @EnumSource(MessageKind.class)
    void should_decode_what_it_encodes_for_every_message_kind(MessageKind kind) {
        for (long seed = 0; seed < SEEDS_PER_KIND; seed++) {
            Envelope original = new RandomMessages(seed * 1_000 + kind.ordinal()).envelope(kind);

            Envelope decoded = decoder.decode(ByteBuffer.wrap(encoder.encodeToBytes(original)));

            assertThat(decoded).as("seed %d, kind %s", seed, kind).isEqualTo(original);
            assertThat(decoded.body().kind()).isEqualTo(kind);
            assertThat(decoded.body()).isInstanceOf(kind.recordType());
        }
    }

    @Test
    void should_encode_the_same_record_to_the_same_bytes_with_a_reused_or_a_fresh_encoder() {
        RandomMessages messages = new RandomMessages(42);
        for (MessageKind kind : MessageKind.values()) {
            Envelope envelope = messages.envelope(kind);
            byte[] first = encoder.encodeToBytes(envelope);
            encoder.encodeToBytes(messages.envelope(MessageKind.PUT_REQUEST));

            assertThat(encoder.encodeToBytes(envelope)).as("kind %s", kind).isEqualTo(first);
            assertThat(new MessageEncoder().encodeToBytes(envelope))
                    .as("kind %s", kind)
                    .isEqualTo(first);
        }
    }

    @Test
    void should_keep_encoding_correctly_after_a_message_larger_than_the_retained_builder() {
        Envelope large = Envelope.of(
                1,
                new PutRequest(
                        new byte[] {1},
                        new byte[MessageEncoder.RETAINED_BUILDER_BYTES * 3],
                        new byte[0],
                        2,
                        Consistency.DEFAULT,
                        0));
        Envelope small = Envelope.of(2, new PingReply("node-1"));
        byte[] expectedSmall = new MessageEncoder().encodeToBytes(small);

        assertThat(decoder.decode(ByteBuffer.wrap(encoder.encodeToBytes(large))))
                .isEqualTo(large);
        assertThat(encoder.encodeToBytes(small)).isEqualTo(expectedSmall);
        assertThat(encoder.encodeToBytes(large)).hasSize(new MessageEncoder().encodeToBytes(large).length);
    }

    @Test
    void should_decode_from_a_slice_of_a_larger_heap_buffer_without_reading_outside_it() {
        Envelope envelope = new RandomMessages(7).envelope(MessageKind.GOSSIP_ACK);
        byte[] bytes = encoder.encodeToBytes(envelope);
        byte[] padded = new byte[bytes.length + 64];
        System.arraycopy(bytes, 0, padded, 32, bytes.length);
        ByteBuffer frame = ByteBuffer.wrap(padded, 32, bytes.length);

        assertThat(decoder.decode(frame)).isEqualTo(envelope);
        assertThat(frame.position()).isEqualTo(32);
        assertThat(frame.remaining()).isEqualTo(bytes.length);
    }

    @Test
    void should_decode_from_a_direct_buffer() {
        Envelope envelope = new RandomMessages(8).envelope(MessageKind.STREAM_CHUNK);
        byte[] bytes = encoder.encodeToBytes(envelope);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();

        assertThat(decoder.decode(direct)).isEqualTo(envelope);
    }

    @Test
    void should_read_empty_fields_back_as_empty_and_a_missing_trace_context_as_empty() {
        Envelope envelope = new Envelope(0, 0, null, new GetReply(false, List.of(), new byte[0], ""));

        Envelope decoded = decoder.decode(ByteBuffer.wrap(encoder.encodeToBytes(envelope)));

        assertThat(decoded).isEqualTo(envelope);
        assertThat(decoded.traceContext()).isEqualTo(TraceContext.EMPTY);
    }

    @Test
    void should_carry_request_ids_above_the_signed_range_unchanged() {
        Envelope envelope = new Envelope(-1L, Long.MIN_VALUE, TraceContext.EMPTY, new PingReply("n"));

        Envelope decoded = decoder.decode(ByteBuffer.wrap(encoder.encodeToBytes(envelope)));

        assertThat(decoded.requestId()).isEqualTo(-1L);
        assertThat(Long.toUnsignedString(decoded.requestId())).isEqualTo("18446744073709551615");
        assertThat(decoded.ringVersion()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void should_distinguish_a_missing_ring_from_an_empty_one() {
        RingAssignment empty = new RingAssignment(0, "", 0, 0, List.of(), new int[0], new int[0]);
        Message withEmptyRing = new GossipAck(List.of(), List.of(), empty, "n", 0, 0);
        Message withoutRing = new GossipAck(List.of(), List.of(), null, "n", 0, 0);

        assertThat(decoder.decode(ByteBuffer.wrap(encoder.encodeToBytes(Envelope.of(1, withEmptyRing))))
                        .body())
                .isEqualTo(withEmptyRing);
        assertThat(decoder.decode(ByteBuffer.wrap(encoder.encodeToBytes(Envelope.of(1, withoutRing))))
                        .body())
                .isEqualTo(withoutRing);
    }

    @Test
    void should_replace_unpaired_surrogates_instead_of_failing_to_encode() {
        Envelope envelope = Envelope.of(3, new PingReply("node\uD800x"));

        Envelope decoded = decoder.decode(ByteBuffer.wrap(encoder.encodeToBytes(envelope)));

        assertThat(((PingReply) decoded.body()).nodeId()).isEqualTo("node?x");
    }

    @Test
    void should_round_trip_a_message_at_every_limit() {
        ProtocolLimits limits = ProtocolLimits.DEFAULT;
        Message message = new AbdWriteRequest(
                new byte[limits.maxKeyBytes()],
                Integer.MAX_VALUE,
                -1,
                new AbdTag(Long.MAX_VALUE, "w"),
                new byte[limits.maxValueBytes()],
                true);
        Envelope envelope = Envelope.of(9, message);

        assertThat(decoder.decode(ByteBuffer.wrap(encoder.encodeToBytes(envelope))))
                .isEqualTo(envelope);
    }

    @Test
    void should_ignore_the_deprecated_heartbeat_of_an_endpoint_state_written_by_the_older_schema() {
        Envelope decoded = decoder.decode(ByteBuffer.wrap(CraftedFrames.gossipAck2WithDeprecatedHeartbeat(5, 99)));

        assertThat(decoded.body())
                .isEqualTo(new GossipAck2(
                        List.of(new EndpointState(
                                "node-1", 1_700_000_000L, 12, "10.0.0.1", 7070, 8080, "", NodeStatus.NORMAL, 3, null)),
                        null));
    }

    @Test
    void should_carry_the_direct_heartbeats_view_hashes_full_flag_and_unreachable_sets() {
        EndpointState state = new EndpointState(
                "node-2", 2, 5, "h", 1, 2, "r1", NodeStatus.NORMAL, 0, List.of("node-3", "", "node-4"));
        Message syn = new GossipSyn("node-1", "c", List.of(), 4, "node-1", 17, true, -3);
        Message ack = new GossipAck(List.of(), List.of(state), null, "node-2", Long.MAX_VALUE, 42);

        for (Message message : List.of(syn, ack)) {
            Envelope envelope = Envelope.of(6, message);
            assertThat(decoder.decode(ByteBuffer.wrap(encoder.encodeToBytes(envelope))))
                    .isEqualTo(envelope);
        }
        assertThat(new GossipAck(List.of(), List.of(), null, null, 0, 0).from()).isEmpty();
    }
}
