package io.ringkv.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.ProtocolException;
import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.protocol.ProtocolVersion;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.MessageKind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Feeds the decoders garbage: random bytes, truncated, bit-flipped and length-corrupted valid frames,
 * and length fields over the limit. Each case is built from its own seed, printed on failure. The
 * contract checked: the raw {@link MessageDecoder} either returns an envelope or throws a
 * {@link ProtocolException} (nothing else, no OutOfMemoryError); the {@link FrameDecoder} emits exactly
 * one {@link Envelope} or {@link MalformedFrame} per frame and never fails the pipeline; and whatever
 * decodes holds no more content than the input's size, so no frame can make the decoder allocate far
 * more memory than it occupies, whatever the heap size.
 */
class DecoderFuzzTest {

    private static final int CASES_PER_MESSAGE_KIND = 160;
    private static final int CASES = CASES_PER_MESSAGE_KIND * MessageKind.values().length;
    private static final int[] HUGE_LENGTHS = {
        -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x4000_0000, 0x00FF_FFFF, 1_000_001, 65_536, 4_096, 129
    };

    private final MessageDecoder decoder = new MessageDecoder();
    private final EmbeddedChannel channel = new EmbeddedChannel(new RingKvCodec());

    @AfterEach
    void closeChannel() {
        assertThat(channel.finishAndReleaseAll())
                .as("nothing left unread in the pipeline")
                .isFalse();
    }

    @Test
    void should_survive_random_bytes() {
        assertAtLeastFiveThousandCases();
        for (int i = 0; i < CASES; i++) {
            long seed = 1_000_000L + i;
            SplittableRandom random = new SplittableRandom(seed);
            byte[] input = new byte[random.nextInt(600)];
            random.nextBytes(input);
            if (input.length >= 8 && random.nextBoolean()) {
                // Get past the identifier check so the random bytes reach the table decoding.
                System.arraycopy(ProtocolVersion.FILE_IDENTIFIER.getBytes(StandardCharsets.US_ASCII), 0, input, 4, 4);
                ByteBuffer.wrap(input)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(0, random.nextInt(Math.max(1, input.length)));
            }
            assertDecodesSafely(input, seed, "random bytes");
        }
    }

    @Test
    void should_survive_truncated_valid_frames() {
        forEachValidFrame(
                2_000_000L,
                (valid, random) -> {
                    int length = random.nextInt(valid.length);
                    byte[] input = new byte[length];
                    System.arraycopy(valid, 0, input, 0, length);
                    return input;
                },
                "truncated");
    }

    @Test
    void should_survive_bit_flipped_valid_frames() {
        forEachValidFrame(
                3_000_000L,
                (valid, random) -> {
                    byte[] input = valid.clone();
                    int flips = 1 + random.nextInt(8);
                    for (int flip = 0; flip < flips; flip++) {
                        int bit = random.nextInt(input.length * 8);
                        input[bit / 8] ^= (byte) (1 << (bit % 8));
                    }
                    return input;
                },
                "bit-flipped");
    }

    @Test
    void should_survive_huge_lengths_written_over_any_aligned_word_of_a_valid_frame() {
        // Every vector and string length prefix is a 4-byte aligned word, so overwriting random aligned
        // words with huge values hits each of them over the run.
        forEachValidFrame(
                4_000_000L,
                (valid, random) -> {
                    byte[] input = valid.clone();
                    ByteBuffer words = ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN);
                    int overwrites = 1 + random.nextInt(3);
                    for (int overwrite = 0; overwrite < overwrites; overwrite++) {
                        int position = 8 + 4 * random.nextInt((input.length - 8) / 4);
                        words.putInt(position, HUGE_LENGTHS[random.nextInt(HUGE_LENGTHS.length)]);
                    }
                    return input;
                },
                "huge length");
    }

    @Test
    void should_report_any_length_field_over_the_limit_as_frame_too_large_and_nothing_else() {
        assertAtLeastFiveThousandCases();
        ProtocolLimits limits = ProtocolLimits.DEFAULT.withMaxFrameBytes(4096);
        MessageDecoder smallDecoder = new MessageDecoder(limits);
        for (int i = 0; i < CASES; i++) {
            long seed = 5_000_000L + i;
            SplittableRandom random = new SplittableRandom(seed);
            long length = random.nextLong(limits.maxFrameBytes() + 1L, 0x1_0000_0000L);
            byte[] trailing = new byte[random.nextInt(300)];
            random.nextBytes(trailing);
            EmbeddedChannel limited = new EmbeddedChannel(new RingKvCodec(limits));

            limited.writeInbound(Unpooled.buffer().writeInt((int) length).writeBytes(trailing));
            limited.writeInbound(Unpooled.wrappedBuffer(trailing));

            Object first = limited.readInbound();
            assertThat(first).as("seed %d, length %d", seed, length).isInstanceOf(MalformedFrame.class);
            assertThat(((MalformedFrame) first).code()).as("seed %d", seed).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
            assertThat(limited.<Object>readInbound())
                    .as("seed %d: nothing after an oversized frame", seed)
                    .isNull();
            assertThat(limited.finishAndReleaseAll()).isFalse();

            byte[] oversized = new byte[limits.maxFrameBytes() + 1 + random.nextInt(100)];
            ProtocolException refused = catchThrowableOfProtocol(() -> smallDecoder.decode(ByteBuffer.wrap(oversized)));
            assertThat(refused.code()).as("seed %d", seed).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        }
    }

    private interface Mutation {
        byte[] apply(byte[] valid, SplittableRandom random);
    }

    private void forEachValidFrame(long baseSeed, Mutation mutation, String description) {
        assertAtLeastFiveThousandCases();
        MessageEncoder encoder = new MessageEncoder();
        MessageKind[] kinds = MessageKind.values();
        for (int i = 0; i < CASES; i++) {
            long seed = baseSeed + i;
            SplittableRandom random = new SplittableRandom(seed);
            Envelope envelope = new RandomMessages(seed).envelope(kinds[i % kinds.length]);
            byte[] valid = encoder.encodeToBytes(envelope);
            assertDecodesSafely(
                    mutation.apply(valid, random),
                    seed,
                    description + " " + envelope.body().kind());
        }
    }

    private void assertDecodesSafely(byte[] input, long seed, String description) {
        Envelope[] decoded = new Envelope[1];
        Throwable thrown = catchThrowable(() -> decoded[0] = decoder.decode(ByteBuffer.wrap(input)));
        if (thrown != null) {
            assertThat(thrown)
                    .as("seed %d (%s), input %s", seed, description, ByteBufUtil.hexDump(input))
                    .isInstanceOf(ProtocolException.class);
            assertThat(((ProtocolException) thrown).code()).isNotEqualTo(ErrorCode.NONE);
        } else {
            assertThat(DecodedSize.of(decoded[0]))
                    .as("seed %d (%s): decoded content larger than the input", seed, description)
                    .isLessThanOrEqualTo(input.length);
        }

        ByteBuf frame = Unpooled.buffer(4 + input.length).writeInt(input.length).writeBytes(input);
        Throwable pipelineFailure = catchThrowable(() -> channel.writeInbound(frame));
        assertThat(pipelineFailure)
                .as("seed %d (%s): the pipeline must not fail", seed, description)
                .isNull();
        List<Object> outputs = new ArrayList<>();
        for (Object output = channel.readInbound(); output != null; output = channel.readInbound()) {
            outputs.add(output);
        }
        assertThat(outputs)
                .as("seed %d (%s): one output per frame", seed, description)
                .hasSize(1);
        if (thrown != null) {
            MalformedFrame malformed = (MalformedFrame) outputs.get(0);
            assertThat(malformed.code()).as("seed %d", seed).isEqualTo(((ProtocolException) thrown).code());
            assertThat(malformed.mustCloseConnection()).isFalse();
        } else {
            assertThat(outputs.get(0)).as("seed %d", seed).isEqualTo(decoded[0]);
        }
        assertThat(frame.refCnt()).as("seed %d: frame released", seed).isZero();
    }

    private static ProtocolException catchThrowableOfProtocol(Runnable decode) {
        Throwable thrown = catchThrowable(decode::run);
        assertThat(thrown).isInstanceOf(ProtocolException.class);
        return (ProtocolException) thrown;
    }

    private static void assertAtLeastFiveThousandCases() {
        assertThat(CASES).isGreaterThanOrEqualTo(5_000);
    }
}
