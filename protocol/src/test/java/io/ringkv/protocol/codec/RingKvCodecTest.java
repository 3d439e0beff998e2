package io.ringkv.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.ProtocolException;
import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.MessageKind;
import io.ringkv.protocol.message.PingReply;
import io.ringkv.protocol.message.PingRequest;
import io.ringkv.protocol.message.PutRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RingKvCodecTest {

    private final List<ByteBuf> buffers = new ArrayList<>();
    private EmbeddedChannel channel = new EmbeddedChannel(new RingKvCodec());

    @AfterEach
    void releaseEverything() {
        channel.finishAndReleaseAll();
        for (ByteBuf buffer : buffers) {
            assertThat(buffer.refCnt())
                    .as("inbound buffer released by the decoder")
                    .isZero();
        }
    }

    @Test
    void should_round_trip_every_message_kind_through_the_pipeline() {
        for (long seed = 0; seed < 20; seed++) {
            RandomMessages messages = new RandomMessages(seed);
            for (MessageKind kind : MessageKind.values()) {
                Envelope envelope = messages.envelope(kind);

                ByteBuf frame = encode(envelope);
                assertThat(channel.writeInbound(frame)).isTrue();

                assertThat(channel.<Object>readInbound())
                        .as("seed %d, kind %s", seed, kind)
                        .isEqualTo(envelope);
            }
        }
    }

    @Test
    void should_write_a_big_endian_length_then_exactly_the_envelope_bytes() {
        Envelope envelope = Envelope.of(5, new PingReply("node-a"));
        byte[] expected = new MessageEncoder().encodeToBytes(envelope);

        ByteBuf frame = encode(envelope);

        assertThat(frame.readableBytes()).isEqualTo(4 + expected.length);
        assertThat(frame.getInt(0)).isEqualTo(expected.length);
        byte[] body = new byte[expected.length];
        frame.getBytes(4, body);
        assertThat(body).isEqualTo(expected);
        frame.release();
    }

    @Test
    void should_decode_several_frames_arriving_in_one_buffer_and_one_frame_arriving_byte_by_byte() {
        Envelope first = Envelope.of(1, PingRequest.INSTANCE);
        Envelope second = Envelope.of(2, new PingReply("node-b"));
        ByteBuf both = Unpooled.buffer();
        writeAndRelease(both, encode(first));
        writeAndRelease(both, encode(second));
        channel.writeInbound(track(both));

        assertThat(channel.<Object>readInbound()).isEqualTo(first);
        assertThat(channel.<Object>readInbound()).isEqualTo(second);

        ByteBuf third = encode(Envelope.of(3, new GetRequest(new byte[] {7}, 2, Consistency.STRICT, 100)));
        while (third.isReadable()) {
            channel.writeInbound(track(third.readRetainedSlice(1)));
        }
        third.release();
        assertThat(((Envelope) channel.readInbound()).requestId()).isEqualTo(3);
    }

    @Test
    void should_emit_a_malformed_frame_with_the_request_id_and_continue_with_the_next_frame() {
        byte[] corrupted = CraftedFrames.withUnionType(77, (byte) 120);
        ByteBuf input = Unpooled.buffer();
        input.writeInt(corrupted.length).writeBytes(corrupted);
        writeAndRelease(input, encode(Envelope.of(78, PingRequest.INSTANCE)));

        channel.writeInbound(track(input));

        MalformedFrame malformed = channel.readInbound();
        assertThat(malformed.requestId()).isEqualTo(77);
        assertThat(malformed.code()).isEqualTo(ErrorCode.UNSUPPORTED_MESSAGE);
        assertThat(malformed.mustCloseConnection()).isFalse();
        assertThat(((Envelope) channel.readInbound()).requestId()).isEqualTo(78);
    }

    @Test
    void should_report_an_oversized_frame_once_and_discard_everything_after_it_without_buffering() {
        channel = new EmbeddedChannel(new RingKvCodec(ProtocolLimits.DEFAULT.withMaxFrameBytes(1024)));
        ByteBuf header = Unpooled.buffer().writeInt(1025).writeBytes(new byte[100]);

        channel.writeInbound(track(header));
        channel.writeInbound(track(Unpooled.wrappedBuffer(new byte[5000])));
        channel.writeInbound(encode(Envelope.of(1, PingRequest.INSTANCE)));

        MalformedFrame malformed = channel.readInbound();
        assertThat(malformed.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        assertThat(malformed.requestId()).isZero();
        assertThat(malformed.mustCloseConnection()).isTrue();
        assertThat(channel.<Object>readInbound()).isNull();
    }

    @Test
    void should_treat_a_length_field_with_the_sign_bit_set_as_oversized() {
        channel.writeInbound(track(Unpooled.buffer().writeInt(0x8000_0010).writeBytes(new byte[16])));

        MalformedFrame malformed = channel.readInbound();
        assertThat(malformed.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
    }

    @Test
    void should_report_an_empty_frame_as_malformed() {
        channel.writeInbound(track(Unpooled.buffer().writeInt(0)));

        MalformedFrame malformed = channel.readInbound();
        assertThat(malformed.code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
        assertThat(malformed.mustCloseConnection()).isFalse();
    }

    @Test
    void should_fail_the_write_of_an_envelope_larger_than_the_frame_limit_and_stay_usable() {
        channel = new EmbeddedChannel(
                new RingKvCodec(ProtocolLimits.DEFAULT.withMaxFrameBytes(4096).withMaxValueBytes(4096)));
        Envelope tooLarge = Envelope.of(
                11, new PutRequest(new byte[] {1}, new byte[4000], new byte[200], 0, Consistency.DEFAULT, 0));

        ChannelFuture write = channel.writeOneOutbound(tooLarge);
        channel.flushOutbound();

        assertThat(write.isSuccess()).isFalse();
        assertThat(write.cause()).isInstanceOf(EncoderException.class).hasCauseInstanceOf(ProtocolException.class);
        assertThat(((ProtocolException) write.cause().getCause()).code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        assertThat(((ProtocolException) write.cause().getCause()).requestId()).isEqualTo(11);
        assertThat(channel.<Object>readOutbound()).isNull();

        ByteBuf next = encode(Envelope.of(12, PingRequest.INSTANCE));
        next.release();
    }

    @Test
    void should_refuse_to_build_a_frame_decoder_without_a_message_decoder() {
        assertThatThrownBy(() -> new FrameDecoder((MessageDecoder) null)).isInstanceOf(NullPointerException.class);
    }

    private ByteBuf encode(Envelope envelope) {
        assertThat(channel.writeOutbound(envelope)).isTrue();
        return track(channel.readOutbound());
    }

    private ByteBuf track(ByteBuf buffer) {
        buffers.add(buffer);
        return buffer;
    }

    private static void writeAndRelease(ByteBuf target, ByteBuf source) {
        target.writeBytes(source);
        source.release();
    }
}
