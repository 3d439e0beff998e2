package io.ringkv.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.PingReply;
import io.ringkv.protocol.message.PingRequest;
import io.ringkv.protocol.message.TraceContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link MessageServer} over real loopback connections, driven by an {@link InternodeClient}. */
class MessageServerTest {

    private static final long TIMEOUT_MILLIS = 5_000;
    private static final String PEER = "server-node";
    private static final TraceContext TRACE =
            new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "");

    private static EventLoops loops;

    private final ManualMessageHandler manualHandler = new ManualMessageHandler();
    private final LinkFilter linkFilter = new LinkFilter();
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

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        manualHandler.answerAll(new PingReply(PEER));
        if (server != null) {
            server.close(Duration.ofSeconds(2));
        }
    }

    @Test
    void should_answer_a_request_with_the_handlers_reply_and_the_current_ring_version() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        server = start(serverConfig(), (request, from) -> {
            handled.incrementAndGet();
            return CompletableFuture.completedFuture(new PingReply(PEER + "@" + from.remoteAddress()));
        });
        client = newClient(1);

        Envelope reply = ping(client).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        assertThat(reply.body()).isInstanceOf(PingReply.class);
        assertThat(((PingReply) reply.body()).nodeId()).startsWith(PEER + "@127.0.0.1:");
        assertThat(reply.ringVersion()).isEqualTo(42);
        assertThat(reply.traceContext()).isEqualTo(TRACE);
        assertThat(handled).hasValue(1);
        assertThat(server.counters().requestsReceived()).isEqualTo(1);
        await().untilAsserted(() -> assertThat(server.counters().repliesSent()).isEqualTo(1));
        assertThat(server.counters().openConnections()).isEqualTo(1);
    }

    @Test
    void should_answer_internal_when_the_handler_fails_and_keep_the_connection_open() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = start(serverConfig(), (request, from) -> {
            switch (calls.incrementAndGet()) {
                case 1:
                    return CompletableFuture.failedFuture(new IllegalStateException("storage exploded"));
                case 2:
                    throw new IllegalArgumentException("handler bug");
                default:
                    return CompletableFuture.completedFuture(new PingReply(PEER));
            }
        });
        client = newClient(1);

        Envelope failedStage = ping(client).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        Envelope thrown = ping(client).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        Envelope healthy = ping(client).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        assertThat(errorOf(failedStage).code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(errorOf(failedStage).definite()).isFalse();
        assertThat(errorOf(failedStage).message()).contains("storage exploded");
        assertThat(errorOf(thrown).code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(errorOf(thrown).definite()).isFalse();
        assertThat(healthy.body()).isEqualTo(new PingReply(PEER));
        assertThat(server.counters().handlerFailures()).isEqualTo(2);
        assertThat(server.counters().connectionsOpened()).isEqualTo(1);
    }

    @Test
    void should_send_a_reply_of_any_kind_the_handler_returns() throws Exception {
        server = start(serverConfig(), (request, from) -> CompletableFuture.completedFuture(PingRequest.INSTANCE));
        client = newClient(1);

        Envelope reply = ping(client).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        assertThat(reply.body()).isEqualTo(PingRequest.INSTANCE);
    }

    @Test
    void should_answer_overloaded_without_calling_the_handler_beyond_the_in_flight_bound() throws Exception {
        server = start(serverConfig().withMaxInFlightPerConnection(2), manualHandler);
        client = newClient(1);
        // Once connected, requests go out in the order they were sent, so the third is the one refused.
        CompletableFuture<Envelope> warmUp = ping(client);
        manualHandler.awaitCall(0).reply().complete(new PingReply("connected"));
        warmUp.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        CompletableFuture<Envelope> first = ping(client);
        CompletableFuture<Envelope> second = ping(client);
        CompletableFuture<Envelope> third = ping(client);

        Envelope rejected = third.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(errorOf(rejected).code()).isEqualTo(ErrorCode.OVERLOADED);
        assertThat(errorOf(rejected).definite()).isTrue();
        assertThat(manualHandler.callCount()).isEqualTo(3);
        assertThat(server.counters().overloadedRejections()).isEqualTo(1);

        manualHandler.awaitCall(1).reply().complete(new PingReply("first"));
        assertThat(first.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).body()).isEqualTo(new PingReply("first"));
        CompletableFuture<Envelope> fourth = ping(client);
        manualHandler.awaitCall(3).reply().complete(new PingReply("fourth"));
        assertThat(fourth.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).body()).isEqualTo(new PingReply("fourth"));
        assertThat(second).isNotDone();
    }

    @Test
    void should_finish_in_flight_requests_while_draining_and_refuse_new_ones() throws Exception {
        server = start(serverConfig(), manualHandler);
        client = newClient(1);
        CompletableFuture<Envelope> inFlight = ping(client);
        ManualMessageHandler.Call call = manualHandler.awaitCall(0);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> server.close(Duration.ofSeconds(5)));
        await().until(server::isDraining);
        Envelope refused = ping(client).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(closing).isNotDone();
        call.reply().complete(new PingReply("drained"));

        assertThat(inFlight.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).body()).isEqualTo(new PingReply("drained"));
        closing.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(errorOf(refused).code()).isEqualTo(ErrorCode.SHUTTING_DOWN);
        assertThat(errorOf(refused).definite()).isTrue();
        assertThat(manualHandler.callCount()).isEqualTo(1);
        assertThat(server.counters().shuttingDownRejections()).isEqualTo(1);
        await().untilAsserted(
                        () -> assertThat(server.counters().openConnections()).isZero());
    }

    @Test
    void should_close_connections_still_busy_when_the_drain_time_runs_out() throws Exception {
        server = start(serverConfig(), manualHandler);
        client = newClient(1);
        CompletableFuture<Envelope> stuck = ping(client);
        manualHandler.awaitCall(0);

        server.close(Duration.ofMillis(50));

        assertThat(stuck)
                .failsWithin(Duration.ofMillis(TIMEOUT_MILLIS))
                .withThrowableOfType(Exception.class)
                .havingCause()
                .isInstanceOfSatisfying(
                        PeerRequestException.class,
                        failure -> assertThat(failure.reason()).isEqualTo(PeerRequestException.Reason.CONNECTION_LOST));
    }

    @Test
    void should_close_a_connection_that_stays_idle() throws Exception {
        server = start(serverConfig().withIdleTimeout(Duration.ofMillis(200)), manualHandler);

        try (RawFrameSocket socket = new RawFrameSocket(server.port())) {
            assertThat(socket.readsEndOfStream()).isTrue();
        }
        await().untilAsserted(
                        () -> assertThat(server.counters().connectionsClosed()).isEqualTo(1));
    }

    @Test
    void should_keep_an_idle_looking_connection_open_while_a_request_is_in_flight() throws Exception {
        server = start(serverConfig().withIdleTimeout(Duration.ofMillis(100)), manualHandler);
        client = newClient(1);
        CompletableFuture<Envelope> slow = ping(client);
        ManualMessageHandler.Call call = manualHandler.awaitCall(0);

        // Several idle periods pass with nothing on the wire; the connection must survive them all.
        await().during(Duration.ofMillis(400))
                .atMost(Duration.ofSeconds(2))
                .until(() -> !slow.isDone() && server.counters().connectionsClosed() == 0);
        call.reply().complete(new PingReply("slow"));

        assertThat(slow.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).body()).isEqualTo(new PingReply("slow"));
    }

    @Test
    void should_give_each_connection_its_own_id() throws Exception {
        server = start(serverConfig(), manualHandler);
        client = newClient(2);

        CompletableFuture<Envelope> first = ping(client);
        CompletableFuture<Envelope> second = ping(client);
        InboundConnection firstFrom = manualHandler.awaitCall(0).from();
        InboundConnection secondFrom = manualHandler.awaitCall(1).from();
        manualHandler.answerAll(new PingReply(PEER));
        CompletableFuture.allOf(first, second).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        assertThat(firstFrom.connectionId()).isNotEqualTo(secondFrom.connectionId());
        assertThat(server.counters().connectionsOpened()).isEqualTo(2);
    }

    private static MessageServerConfig serverConfig() {
        return MessageServerConfig.of("127.0.0.1", 0, PEER);
    }

    private static MessageServer start(MessageServerConfig config, MessageHandler handler) {
        return MessageServer.start(config, loops, handler, () -> 42);
    }

    private InternodeClient newClient(int connectionsPerPeer) {
        return new InternodeClient(
                InternodeClientConfig.defaults("client-node").withConnectionsPerPeer(connectionsPerPeer),
                loops,
                linkFilter,
                () -> 7);
    }

    private CompletableFuture<Envelope> ping(InternodeClient sender) {
        return sender.send(PEER, address(), PingRequest.INSTANCE, TRACE, TIMEOUT_MILLIS)
                .toCompletableFuture();
    }

    private InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.port());
    }

    private static ErrorReply errorOf(Envelope reply) {
        Message body = reply.body();
        assertThat(body).isInstanceOf(ErrorReply.class);
        return (ErrorReply) body;
    }
}
