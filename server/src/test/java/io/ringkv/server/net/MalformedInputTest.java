package io.ringkv.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.PingReply;
import io.ringkv.protocol.message.PingRequest;
import io.ringkv.protocol.message.TraceContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bytes no RingKV peer would send, written over a raw {@link java.net.Socket}: the server answers what it
 * can, closes what it must, never leaks a buffer, and keeps serving well-behaved clients.
 */
class MalformedInputTest {

    private static final long SEED = 0x5EEDL;
    private static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final String NODE = "server-node";

    private static EventLoops loops;

    private MessageServer server;
    private InternodeClient client;

    @BeforeAll
    static void startLoops() {
        loops = new EventLoops(2, "test");
    }

    @AfterAll
    static void stopLoops() {
        loops.close();
    }

    @BeforeEach
    void start() {
        MessageServerConfig config = MessageServerConfig.of("127.0.0.1", 0, NODE)
                .withLimits(ProtocolLimits.DEFAULT.withMaxFrameBytes(MAX_FRAME_BYTES));
        server = MessageServer.start(
                config, loops, (request, from) -> CompletableFuture.completedFuture(new PingReply(NODE)), () -> 3);
        client = new InternodeClient(InternodeClientConfig.defaults("client-node"), loops, new LinkFilter(), () -> 0);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close(Duration.ofSeconds(1));
    }

    @Test
    void should_answer_a_garbage_frame_with_malformed_frame_and_go_on_with_the_next_frame() throws Exception {
        byte[] garbage = new byte[48];
        new SplittableRandom(SEED).nextBytes(garbage);

        try (RawFrameSocket socket = new RawFrameSocket(server.port())) {
            socket.writeLength(garbage.length);
            socket.writeBytes(garbage);
            Envelope error = socket.readFrame();
            socket.writeFrame(new Envelope(9, 0, TraceContext.EMPTY, PingRequest.INSTANCE));
            Envelope pong = socket.readFrame();

            assertThat(error.body()).as("seed %d", SEED).isInstanceOfSatisfying(ErrorReply.class, reply -> {
                assertThat(reply.code()).isEqualTo(ErrorCode.MALFORMED_FRAME);
                assertThat(reply.definite()).isTrue();
            });
            assertThat(pong.requestId()).isEqualTo(9);
            assertThat(pong.body()).isEqualTo(new PingReply(NODE));
        }
        assertThat(server.counters().malformedFrames()).isEqualTo(1);
        assertNormalClientIsServed();
    }

    @Test
    void should_answer_frame_too_large_and_close_when_text_arrives_on_the_binary_port() throws Exception {
        try (RawFrameSocket socket = new RawFrameSocket(server.port())) {
            // "GET " read as a length field is about 1.2 GB.
            socket.writeBytes("GET /kv/a HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(errorCodeOf(socket.readFrame())).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
            assertThat(socket.readsEndOfStream()).isTrue();
        }
        assertNormalClientIsServed();
    }

    @Test
    void should_answer_frame_too_large_and_close_on_an_oversized_length_prefix() throws Exception {
        try (RawFrameSocket socket = new RawFrameSocket(server.port())) {
            socket.writeLength(MAX_FRAME_BYTES + 1);
            // Bytes after the bad length are discarded, never buffered up to the announced size.
            socket.writeBytes(new byte[1024]);

            Envelope error = socket.readFrame();
            assertThat(error.requestId()).isZero();
            assertThat(errorCodeOf(error)).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
            assertThat(socket.readsEndOfStream()).isTrue();
        }
        assertNormalClientIsServed();
    }

    @Test
    void should_drop_a_truncated_frame_when_the_peer_goes_away_mid_frame() throws Exception {
        try (RawFrameSocket socket = new RawFrameSocket(server.port())) {
            socket.writeLength(100);
            socket.writeBytes(new byte[10]);
            socket.shutdownOutput();

            assertThat(socket.readsEndOfStream()).isTrue();
        }
        await().untilAsserted(
                        () -> assertThat(server.counters().connectionsClosed()).isEqualTo(1));
        assertThat(server.counters().requestsReceived()).isZero();
        assertNormalClientIsServed();
    }

    @Test
    void should_answer_a_frame_too_short_for_an_envelope() throws Exception {
        try (RawFrameSocket socket = new RawFrameSocket(server.port())) {
            socket.writeLength(0);
            socket.writeLength(3);
            socket.writeBytes(new byte[] {1, 2, 3});

            assertThat(errorCodeOf(socket.readFrame())).isEqualTo(ErrorCode.MALFORMED_FRAME);
            assertThat(errorCodeOf(socket.readFrame())).isEqualTo(ErrorCode.MALFORMED_FRAME);
        }
        assertNormalClientIsServed();
    }

    private void assertNormalClientIsServed() throws Exception {
        Envelope reply = client.send(
                        NODE,
                        new InetSocketAddress("127.0.0.1", server.port()),
                        PingRequest.INSTANCE,
                        TraceContext.EMPTY,
                        5_000)
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        assertThat(reply.body()).isEqualTo(new PingReply(NODE));
        assertThat(reply.ringVersion()).isEqualTo(3);
    }

    private static ErrorCode errorCodeOf(Envelope reply) {
        assertThat(reply.body()).isInstanceOf(ErrorReply.class);
        return ((ErrorReply) reply.body()).code();
    }
}
