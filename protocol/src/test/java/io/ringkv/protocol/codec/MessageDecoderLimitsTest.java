package io.ringkv.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.NodeStatus;
import io.ringkv.protocol.ProtocolException;
import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.protocol.message.AbdTag;
import io.ringkv.protocol.message.AbdWriteRequest;
import io.ringkv.protocol.message.ClientSibling;
import io.ringkv.protocol.message.EndpointState;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.GossipAck;
import io.ringkv.protocol.message.GossipAck2;
import io.ringkv.protocol.message.GossipDigest;
import io.ringkv.protocol.message.GossipSyn;
import io.ringkv.protocol.message.MerkleRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.PingRequest;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.protocol.message.ReplicaWriteRequest;
import io.ringkv.protocol.message.RingAssignment;
import io.ringkv.protocol.message.StreamChunk;
import io.ringkv.protocol.message.StreamEntry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageDecoderLimitsTest {

    private static final long REQUEST_ID = 4242;
    private static final ProtocolLimits SMALL_LISTS = ProtocolLimits.DEFAULT.withMaxListEntries(10);

    /** Encodes without limits getting in the way, as a misbehaving peer could. */
    private final MessageEncoder permissiveEncoder =
            new MessageEncoder(ProtocolLimits.DEFAULT.withMaxFrameBytes(64 << 20));

    private final MessageDecoder decoder = new MessageDecoder();

    @Test
    void should_accept_a_key_at_the_limit_and_refuse_one_byte_more_with_key_too_large() {
        int limit = ProtocolLimits.DEFAULT.maxKeyBytes();

        assertThat(decode(new GetRequest(new byte[limit], 0, Consistency.DEFAULT, 0)))
                .isNotNull();
        assertRefused(new GetRequest(new byte[limit + 1], 0, Consistency.DEFAULT, 0), ErrorCode.KEY_TOO_LARGE);
        assertRefused(new ReplicaWriteRequest(new byte[limit + 1], 0, 0, new byte[1]), ErrorCode.KEY_TOO_LARGE);
        assertRefused(
                new StreamChunk(0, List.of(new StreamEntry(new byte[limit + 1], 0, new byte[0])), new byte[0], true),
                ErrorCode.KEY_TOO_LARGE);
    }

    @Test
    void should_refuse_values_over_the_limit_with_value_too_large() {
        byte[] tooLarge = new byte[ProtocolLimits.DEFAULT.maxValueBytes() + 1];

        assertRefused(
                new PutRequest(new byte[] {1}, tooLarge, new byte[0], 0, Consistency.DEFAULT, 0),
                ErrorCode.VALUE_TOO_LARGE);
        assertRefused(
                new GetReply(true, List.of(new ClientSibling(tooLarge, 0)), new byte[0], "n"),
                ErrorCode.VALUE_TOO_LARGE);
        assertRefused(
                new AbdWriteRequest(new byte[] {1}, 0, 0, AbdTag.ZERO, tooLarge, false), ErrorCode.VALUE_TOO_LARGE);
    }

    @Test
    void should_refuse_more_siblings_than_the_limit_with_too_many_siblings() {
        int limit = ProtocolLimits.DEFAULT.maxSiblings();
        List<ClientSibling> atLimit = Collections.nCopies(limit, new ClientSibling(new byte[] {1}, 0));
        List<ClientSibling> overLimit = Collections.nCopies(limit + 1, new ClientSibling(new byte[] {1}, 0));

        assertThat(decode(new GetReply(true, atLimit, new byte[0], "n"))).isNotNull();
        assertRefused(new GetReply(true, overLimit, new byte[0], "n"), ErrorCode.TOO_MANY_SIBLINGS);
    }

    @Test
    void should_refuse_lists_longer_than_the_limit_with_list_too_large() {
        MessageDecoder smallListDecoder = new MessageDecoder(SMALL_LISTS);
        List<GossipDigest> digests = Collections.nCopies(11, new GossipDigest("n", 1, 1));
        List<EndpointState> states =
                Collections.nCopies(11, new EndpointState("n", 1, 1, "h", 1, 2, "", NodeStatus.NORMAL, 0, List.of()));
        EndpointState overLongUnreachable =
                new EndpointState("n", 1, 1, "h", 1, 2, "", NodeStatus.NORMAL, 0, Collections.nCopies(11, "peer"));
        RingAssignment ring = new RingAssignment(1, "n", 11, 3, List.of("n"), new int[11], new int[0]);

        for (Message message : List.of(
                new GossipSyn("n", "c", digests, 1, "n", 1, false, 0),
                new GossipAck2(states, null),
                new GossipAck2(List.of(overLongUnreachable), null),
                new GossipAck(List.of(), List.of(overLongUnreachable), null, "n", 1, 0),
                new GossipAck2(List.of(), ring),
                new MerkleRequest(0, 3, new int[11]),
                new ErrorReply(ErrorCode.TIMEOUT, "", false, 0, 0, replicaErrors(11)))) {
            ProtocolException refused =
                    catchThrowableOfType(ProtocolException.class, () -> smallListDecoder.decode(encode(message)));
            assertThat(refused).as("%s", message.kind()).isNotNull();
            assertThat(refused.code()).as("%s", message.kind()).isEqualTo(ErrorCode.LIST_TOO_LARGE);
            assertThat(refused.requestId()).isEqualTo(REQUEST_ID);
        }
    }

    @Test
    void should_refuse_a_frame_over_the_limit_on_decode_and_on_encode() {
        ProtocolLimits limits = ProtocolLimits.DEFAULT.withMaxFrameBytes(1024);
        Message put = new PutRequest(new byte[] {1}, new byte[2000], new byte[0], 0, Consistency.DEFAULT, 0);

        ProtocolException onDecode =
                catchThrowableOfType(ProtocolException.class, () -> new MessageDecoder(limits).decode(encode(put)));
        ProtocolException onEncode = catchThrowableOfType(
                ProtocolException.class,
                () -> new MessageEncoder(limits).encode(new Envelope(REQUEST_ID, 0, null, put)));

        assertThat(onDecode.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        assertThat(onEncode.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        assertThat(onEncode.requestId()).isEqualTo(REQUEST_ID);
    }

    @Test
    void should_refuse_an_unknown_message_type_with_unsupported_message_and_the_request_id() {
        ProtocolException refused = decodeCrafted(CraftedFrames.withUnionType(REQUEST_ID, (byte) 200));

        assertThat(refused.code()).isEqualTo(ErrorCode.UNSUPPORTED_MESSAGE);
        assertThat(refused.requestId()).isEqualTo(REQUEST_ID);
    }

    @Test
    void should_refuse_an_envelope_without_body_as_malformed() {
        assertThat(decodeCrafted(CraftedFrames.withUnionType(REQUEST_ID, (byte) 0))
                        .code())
                .isEqualTo(ErrorCode.MALFORMED_FRAME);
        ProtocolException missingTable = decodeCrafted(CraftedFrames.withoutBody(REQUEST_ID));
        assertThat(missingTable.code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
        assertThat(missingTable.requestId()).isEqualTo(REQUEST_ID);
    }

    @Test
    void should_refuse_an_unknown_consistency_with_bad_request_rather_than_guess_a_weaker_one() {
        ProtocolException refused = decodeCrafted(CraftedFrames.getRequestWithConsistency(REQUEST_ID, 9));

        assertThat(refused.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(refused.requestId()).isEqualTo(REQUEST_ID);
    }

    @Test
    void should_read_an_error_code_from_a_newer_peer_as_internal_and_keep_its_message() {
        Envelope decoded = decoder.decode(ByteBuffer.wrap(CraftedFrames.errorReplyWithCode(REQUEST_ID, 999)));

        ErrorReply reply = (ErrorReply) decoded.body();
        assertThat(reply.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(reply.message()).isEqualTo("from the future");
        assertThat(reply.definite()).isTrue();
    }

    @Test
    void should_refuse_offsets_that_alias_one_large_vector_instead_of_multiplying_it_in_memory() {
        byte[] frame = CraftedFrames.getReplyAliasingOneSibling(REQUEST_ID, 100, 64 * 1024);

        ProtocolException refused = decodeCrafted(frame);

        assertThat(frame.length).isLessThan(70 * 1024);
        assertThat(refused.code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
        assertThat(refused.getMessage()).contains("overlapping offsets");
    }

    @Test
    void should_refuse_another_major_version_and_foreign_bytes_by_their_file_identifier() {
        assertThat(decodeCrafted(CraftedFrames.withIdentifier("RKV2")).code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
        assertThat(decodeCrafted(CraftedFrames.withIdentifier("ABCD")).code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
    }

    @Test
    void should_refuse_frames_too_short_to_hold_an_envelope() {
        for (int length = 0; length < 8; length++) {
            assertThat(decodeCrafted(new byte[length]).code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
        }
    }

    @Test
    void should_answer_a_limit_violation_in_the_pipeline_with_a_malformed_frame_and_keep_the_connection() {
        EmbeddedChannel channel = new EmbeddedChannel(new RingKvCodec());
        ByteBuffer tooLargeKey = encode(new GetRequest(new byte[9000], 0, Consistency.DEFAULT, 0));
        ByteBuf input = Unpooled.buffer();
        input.writeInt(tooLargeKey.remaining()).writeBytes(tooLargeKey);
        byte[] ping = new MessageEncoder().encodeToBytes(Envelope.of(5, PingRequest.INSTANCE));
        input.writeInt(ping.length).writeBytes(ping);

        channel.writeInbound(input);

        MalformedFrame malformed = channel.readInbound();
        assertThat(malformed).isEqualTo(new MalformedFrame(REQUEST_ID, ErrorCode.KEY_TOO_LARGE, malformed.message()));
        assertThat(malformed.mustCloseConnection()).isFalse();
        assertThat(((Envelope) channel.readInbound()).body()).isEqualTo(PingRequest.INSTANCE);
        assertThat(channel.finishAndReleaseAll()).isFalse();
        assertThat(input.refCnt()).isZero();
    }

    private static List<io.ringkv.protocol.message.ReplicaError> replicaErrors(int count) {
        List<io.ringkv.protocol.message.ReplicaError> errors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            errors.add(new io.ringkv.protocol.message.ReplicaError("n" + i, ErrorCode.TIMEOUT, ""));
        }
        return errors;
    }

    private Envelope decode(Message message) {
        return decoder.decode(encode(message));
    }

    private ByteBuffer encode(Message message) {
        return ByteBuffer.wrap(permissiveEncoder.encodeToBytes(new Envelope(REQUEST_ID, 1, null, message)));
    }

    private void assertRefused(Message message, ErrorCode expected) {
        ProtocolException refused = catchThrowableOfType(ProtocolException.class, () -> decode(message));

        assertThat(refused).as("%s", message.kind()).isNotNull();
        assertThat(refused.code()).as("%s", message.kind()).isEqualTo(expected);
        assertThat(refused.requestId()).isEqualTo(REQUEST_ID);
    }

    private ProtocolException decodeCrafted(byte[] frame) {
        ProtocolException refused =
                catchThrowableOfType(ProtocolException.class, () -> decoder.decode(ByteBuffer.wrap(frame)));
        assertThat(refused).as("decoding should have failed").isNotNull();
        return refused;
    }
}
