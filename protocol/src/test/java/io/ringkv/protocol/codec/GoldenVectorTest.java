package io.ringkv.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ringkv.protocol.message.Envelope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the wire format: each file in {@code golden/} is a frame written by version 1 of the protocol.
 * Encoding the fixed record must give exactly those bytes, and decoding the bytes must give the record.
 * If this fails after a schema change, the change is not compatible; see docs/protocol.md.
 */
class GoldenVectorTest {

    static Stream<Arguments> vectors() {
        return GoldenVectors.all().entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void should_encode_the_fixed_record_to_exactly_the_golden_bytes(String name, Envelope envelope) {
        byte[] golden = read(name);

        assertThat(GoldenVectorWriter.frame(envelope)).isEqualTo(golden);
        assertThat(new MessageEncoder().encodeToBytes(envelope))
                .isEqualTo(Arrays.copyOfRange(golden, 4, golden.length));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void should_decode_the_golden_bytes_to_the_fixed_record(String name, Envelope envelope) {
        byte[] golden = read(name);

        assertThat(new MessageDecoder().decode(ByteBuffer.wrap(golden, 4, golden.length - 4)))
                .isEqualTo(envelope);

        EmbeddedChannel channel = new EmbeddedChannel(new RingKvCodec());
        channel.writeInbound(Unpooled.wrappedBuffer(golden));
        assertThat(channel.<Object>readInbound()).isEqualTo(envelope);
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    private static byte[] read(String name) {
        String resource = "/" + GoldenVectors.RESOURCE_FOLDER + "/" + name + ".bin";
        try (InputStream in = GoldenVectorTest.class.getResourceAsStream(resource)) {
            assertThat(in)
                    .as("golden file %s (generate it with -Dringkv.golden.write=true)", resource)
                    .isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
