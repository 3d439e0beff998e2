package io.ringkv.client.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ringkv.protocol.codec.MessageEncoder;
import io.ringkv.protocol.codec.RingKvCodec;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.PingRequest;
import io.ringkv.protocol.message.TraceContext;
import io.ringkv.time.ManualClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseHandlerTest {

    private final ResponseHandler responses = new ResponseHandler("test-peer");
    private final EmbeddedChannel channel = new EmbeddedChannel(new RingKvCodec(), responses);
    private final ClientConnection connection = new ClientConnection(channel, responses, new ManualClock());

    @Test
    void should_match_replies_to_requests_in_any_order() {
        PendingCall first = call();
        PendingCall second = call();
        connection.write(first);
        connection.write(second);
        Envelope firstSent = readOutbound();
        Envelope secondSent = readOutbound();

        channel.writeInbound(frame(secondSent.reply(3, reply("second"))));
        channel.writeInbound(frame(firstSent.reply(3, reply("first"))));

        assertThat(((GetReply) first.future().join().body()).coordinator()).isEqualTo("first");
        assertThat(((GetReply) second.future().join().body()).coordinator()).isEqualTo("second");
        assertThat(firstSent.requestId()).isNotEqualTo(secondSent.requestId());
        assertThat(responses.pendingCount()).isZero();
    }

    @Test
    void should_fail_waiting_calls_as_possibly_sent_when_the_connection_closes() {
        PendingCall written = call();
        connection.write(written);
        readOutbound();

        channel.close();

        assertThat(written.future()).isCompletedExceptionally();
        CallFailedException failure = written.future()
                .handle((ok, error) -> (CallFailedException) error)
                .join();
        assertThat(failure.failure()).isEqualTo(CallFailure.CONNECTION_LOST);
        assertThat(failure.mayHaveReachedServer()).isTrue();
    }

    @Test
    void should_refuse_a_call_on_a_closed_connection_as_never_sent() {
        channel.close();
        PendingCall late = call();

        connection.write(late);

        CallFailedException failure =
                late.future().handle((ok, error) -> (CallFailedException) error).join();
        assertThat(failure.mayHaveReachedServer()).isFalse();
    }

    @Test
    void should_ignore_a_reply_to_a_cancelled_call() {
        PendingCall call = call();
        connection.write(call);
        Envelope sent = readOutbound();
        call.cancel();

        channel.writeInbound(frame(sent.reply(1, reply("late"))));

        assertThat(responses.pendingCount()).isZero();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void should_close_the_connection_on_a_frame_it_cannot_attribute() {
        PendingCall call = call();
        connection.write(call);
        readOutbound();

        ByteBuf garbage = Unpooled.buffer().writeInt(8).writeLong(0x0102030405060708L);
        channel.writeInbound(garbage);

        assertThat(channel.isOpen()).isFalse();
        assertThat(call.future()).isCompletedExceptionally();
    }

    private static PendingCall call() {
        return new PendingCall(
                new GetRequest(new byte[] {1}, 0, io.ringkv.protocol.Consistency.DEFAULT, 100), 1, TraceContext.EMPTY);
    }

    private static GetReply reply(String coordinator) {
        return new GetReply(false, List.of(), new byte[0], coordinator);
    }

    private Envelope readOutbound() {
        ByteBuf frame = channel.readOutbound();
        try {
            frame.skipBytes(4);
            return new io.ringkv.protocol.codec.MessageDecoder().decode(frame.nioBuffer());
        } finally {
            frame.release();
        }
    }

    private static ByteBuf frame(Envelope envelope) {
        byte[] bytes = new MessageEncoder().encodeToBytes(envelope);
        return Unpooled.buffer().writeInt(bytes.length).writeBytes(bytes);
    }

    @Test
    void should_send_the_ring_version_and_trace_context_of_the_call() {
        PendingCall call = new PendingCall(PingRequest.INSTANCE, 42, new TraceContext("00-abc-def-01", ""));
        connection.write(call);

        Envelope sent = readOutbound();

        assertThat(sent.ringVersion()).isEqualTo(42);
        assertThat(sent.traceContext().traceparent()).isEqualTo("00-abc-def-01");
    }
}
