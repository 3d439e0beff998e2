package io.ringkv.benchmarks.micro;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.ringkv.causal.SiblingSetCodec;
import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.ProtocolVersion;
import io.ringkv.protocol.codec.MessageDecoder;
import io.ringkv.protocol.codec.MessageEncoder;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.protocol.message.TraceContext;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The wire codec on one core: a client put envelope (16-byte key, 1 KB value, 40-byte context) encoded
 * into a frame, decoded from a frame, and both.
 *
 * <p>Frames are handled the way the Netty pipeline handles them: {@link #encodeFrame} mirrors
 * {@link io.ringkv.protocol.codec.FrameEncoder} (encode into the reused builder, copy once into an exactly
 * sized direct buffer from the pooled allocator behind a 4-byte length) and {@link #decodeFrame} mirrors
 * {@link io.ringkv.protocol.codec.FrameDecoder} (decode straight from the pooled buffer's memory, no
 * copy). Each operation releases what it allocates, so the pool is measured in its steady state.
 *
 * <p>One instance per benchmark thread: the encoder reuses its builder and is not thread-safe.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    private static final long REQUEST_ID = 0x1234_5678L;
    private static final long RING_VERSION = 42;
    private static final int W = 2;
    private static final long TIMEOUT_MILLIS = 2_000;

    private final ByteBufAllocator allocator;
    private MessageEncoder encoder;
    private MessageDecoder decoder;
    private Envelope putEnvelope;
    private ByteBuf encodedFrame;

    /** Allocates frames from Netty's pooled allocator, as a server or client channel does. */
    public CodecBenchmark() {
        this(PooledByteBufAllocator.DEFAULT);
    }

    /** Allocates frames from {@code allocator}; tests pass one that checks every frame is released. */
    CodecBenchmark(ByteBufAllocator allocator) {
        this.allocator = allocator;
    }

    @Setup(Level.Trial)
    public void setUp() {
        encoder = new MessageEncoder();
        decoder = new MessageDecoder();
        PutRequest put = new PutRequest(
                SampleData.randomBytes(1, SampleData.KEY_BYTES),
                SampleData.randomBytes(2, SampleData.VALUE_BYTES),
                SiblingSetCodec.encodeContext(SampleData.clientContext()),
                W,
                Consistency.DEFAULT,
                TIMEOUT_MILLIS);
        putEnvelope = new Envelope(REQUEST_ID, RING_VERSION, TraceContext.EMPTY, put);
        encodedFrame = encodeFrame(putEnvelope);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        encodedFrame.release();
    }

    /** Encodes the envelope into a pooled frame and releases it; returns the frame's size. */
    @Benchmark
    public int encode() {
        ByteBuf frame = encodeFrame(putEnvelope);
        try {
            return frame.readableBytes();
        } finally {
            frame.release();
        }
    }

    /** Decodes the envelope from a frame encoded once at set-up. */
    @Benchmark
    public Envelope decode() {
        return decodeFrame(encodedFrame);
    }

    /** Encodes into a pooled frame, decodes it back and releases the frame. */
    @Benchmark
    public Envelope roundTrip() {
        ByteBuf frame = encodeFrame(putEnvelope);
        try {
            return decodeFrame(frame);
        } finally {
            frame.release();
        }
    }

    /** The envelope every operation encodes. */
    Envelope putEnvelope() {
        return putEnvelope;
    }

    /** The frame {@link #decode()} reads; released by {@link #tearDown()}. */
    ByteBuf encodedFrame() {
        return encodedFrame;
    }

    /** A length-prefixed frame in a buffer from the pooled allocator; the caller releases it. */
    ByteBuf encodeFrame(Envelope envelope) {
        ByteBuffer bytes = encoder.encode(envelope);
        int length = bytes.remaining();
        ByteBuf frame = allocator.ioBuffer(ProtocolVersion.LENGTH_FIELD_BYTES + length);
        frame.writeInt(length);
        frame.writeBytes(bytes);
        return frame;
    }

    /** Decodes the envelope of a length-prefixed frame without moving its indexes or copying it. */
    Envelope decodeFrame(ByteBuf frame) {
        int start = frame.readerIndex();
        int length = frame.getInt(start);
        return decoder.decode(frame.nioBuffer(start + ProtocolVersion.LENGTH_FIELD_BYTES, length));
    }
}
