package io.ringkv.benchmarks.micro;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.ringkv.protocol.ProtocolVersion;
import io.ringkv.protocol.codec.MessageEncoder;
import io.ringkv.protocol.message.PutRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CodecBenchmarkTest {

    private final CapturingAllocator allocator = new CapturingAllocator();
    private final CodecBenchmark benchmark = new CodecBenchmark(allocator);

    @BeforeEach
    void setUp() {
        benchmark.setUp();
    }

    @AfterEach
    void every_frame_is_released_after_tear_down() {
        benchmark.tearDown();
        assertThat(allocator.allocated())
                .isNotEmpty()
                .allSatisfy(
                        frame -> assertThat(frame.refCnt()).as("frame released").isZero());
    }

    @Test
    void should_measure_a_put_of_a_16_byte_key_a_1_kb_value_and_a_40_byte_context() {
        PutRequest put = (PutRequest) benchmark.putEnvelope().body();

        assertThat(put.key()).hasSize(16);
        assertThat(put.value()).hasSize(1024);
        assertThat(put.context()).hasSize(40);
    }

    @Test
    void should_encode_a_frame_of_the_length_field_and_the_envelope_bytes() {
        int envelopeBytes = new MessageEncoder().encodeToBytes(benchmark.putEnvelope()).length;

        int frameBytes = benchmark.encode();

        assertThat(frameBytes).isEqualTo(ProtocolVersion.LENGTH_FIELD_BYTES + envelopeBytes);
        ByteBuf frame = benchmark.encodedFrame();
        assertThat(frame.getInt(frame.readerIndex())).isEqualTo(envelopeBytes);
    }

    @Test
    void should_decode_the_original_envelope_from_the_prepared_frame() {
        assertThat(benchmark.decode()).isEqualTo(benchmark.putEnvelope());
    }

    @Test
    void should_decode_the_original_envelope_after_a_round_trip() {
        assertThat(benchmark.roundTrip()).isEqualTo(benchmark.putEnvelope());
    }

    @Test
    void should_leave_the_prepared_frame_readable_for_the_next_decode() {
        benchmark.decode();

        assertThat(benchmark.decode()).isEqualTo(benchmark.putEnvelope());
    }
}
