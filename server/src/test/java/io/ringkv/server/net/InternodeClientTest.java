package io.ringkv.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.PingReply;
import io.ringkv.protocol.message.PingRequest;
import io.ringkv.protocol.message.TraceContext;
import io.ringkv.server.net.PeerRequestException.Reason;
import io.ringkv.time.SystemClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link InternodeClient} against a real {@link MessageServer} on loopback. */
class InternodeClientTest {

    private static final long SEED = 20_240_611L;
    private static final String PEER = "peer-node";
    private static final long LONG_TIMEOUT_MILLIS = 5_000;

    private static EventLoops loops;

    private final ManualMessageHandler handler = new ManualMessageHandler();
    private final LinkFilter linkFilter = new LinkFilter();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private MessageServer server;

    @BeforeAll
    static void startLoops() {
        loops = new EventLoops(2, "test");
    }

    @AfterAll
    static void stopLoops() {
        loops.close();
    }

    @AfterEach
    void stop() throws Exception {
        Collections.reverse(resources);
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        handler.answerAll(new PingReply(PEER));
        if (server != null) {
            server.close(Duration.ofSeconds(1));
        }
    }

    @Test
    void should_match_a_thousand_pipelined_replies_completed_out_of_order() throws Exception {
        server = startServer(0);
        InternodeClient client = newClient(config().withConnectionsPerPeer(2));
        int requests = 1_000;

        List<CompletableFuture<Envelope>> replies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            replies.add(send(client, new GetRequest(key(i), 0, Consistency.DEFAULT, 0), LONG_TIMEOUT_MILLIS));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> handler.callCount() == requests);
        List<ManualMessageHandler.Call> calls = handler.calls();
        Collections.shuffle(calls, new Random(SEED));
        ExecutorService completer = Executors.newSingleThreadExecutor();
        try {
            completer.execute(() -> {
                for (ManualMessageHandler.Call call : calls) {
                    GetRequest request = (GetRequest) call.request().body();
                    call.reply().complete(new PingReply(new String(request.key(), StandardCharsets.UTF_8)));
                }
            });
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } finally {
            completer.shutdown();
        }

        for (int i = 0; i < requests; i++) {
            assertThat(replies.get(i).join().body())
                    .as("reply to request %d (seed %d)", i, SEED)
                    .isEqualTo(new PingReply(new String(key(i), StandardCharsets.UTF_8)));
        }
        assertThat(server.counters().connectionsOpened()).isEqualTo(2);
        assertThat(client.inFlightRequests(address())).isZero();
    }

    @Test
    void should_time_out_a_request_the_peer_never_answers_and_drop_the_late_reply() throws Exception {
        server = startServer(0);
        InternodeClient client = newClient(config().withConnectionsPerPeer(1));

        CompletableFuture<Envelope> unanswered = send(client, PingRequest.INSTANCE, 100);
        PeerRequestException timeout = failureOf(unanswered);
        handler.awaitCall(0).reply().complete(new PingReply("late"));
        await().until(() -> client.lateRepliesDropped() == 1);
        CompletableFuture<Envelope> next = send(client, PingRequest.INSTANCE, LONG_TIMEOUT_MILLIS);
        handler.awaitCall(1).reply().complete(new PingReply("fresh"));

        assertThat(timeout.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(timeout.mayHaveBeenDelivered()).isTrue();
        assertThat(timeout.peerNodeId()).isEqualTo(PEER);
        assertThat(next.get(5, TimeUnit.SECONDS).body()).isEqualTo(new PingReply("fresh"));
        assertThat(server.counters().connectionsOpened()).isEqualTo(1);
        assertThat(client.inFlightRequests(address())).isZero();
    }

    @Test
    void should_fail_in_flight_requests_when_the_server_dies_and_reconnect_after_backoff() throws Exception {
        server = startServer(0);
        int port = server.port();
        InetSocketAddress address = address();
        InternodeClient client =
                newClient(config().withReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200)));
        CompletableFuture<Envelope> inFlight = send(client, PingRequest.INSTANCE, LONG_TIMEOUT_MILLIS);
        handler.awaitCall(0);

        server.close(Duration.ZERO);
        server = null;
        PeerRequestException lost = failureOf(inFlight);
        PeerRequestException refused = failureOf(send(client, address, LONG_TIMEOUT_MILLIS));
        CompletableFuture<Envelope> duringBackoff = send(client, address, LONG_TIMEOUT_MILLIS);

        assertThat(lost.reason()).isEqualTo(Reason.CONNECTION_LOST);
        assertThat(lost.mayHaveBeenDelivered()).isTrue();
        assertThat(refused.reason()).isEqualTo(Reason.CONNECT_FAILED);
        assertThat(refused.mayHaveBeenDelivered()).isFalse();
        assertThat(duringBackoff).as("fails fast while backing off").isCompletedExceptionally();
        assertThat(failureOf(duringBackoff).getMessage()).contains("failed attempt");

        MessageServer restarted = MessageServer.start(
                MessageServerConfig.of("127.0.0.1", port, PEER),
                loops,
                (request, from) -> CompletableFuture.completedFuture(new PingReply("restarted")),
                () -> 1);
        resources.add(() -> restarted.close(Duration.ofSeconds(1)));
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(25))
                .ignoreExceptions()
                .until(
                        () -> send(client, address, 1_000)
                                .get(2, TimeUnit.SECONDS)
                                .body(),
                        body -> body.equals(new PingReply("restarted")));
    }

    @Test
    void should_fail_a_request_over_a_blocked_link_only_after_its_timeout_and_work_again_after_heal() throws Exception {
        server = startServer(0);
        InternodeClient client = newClient(config());
        linkFilter.block(Set.of(PEER));

        long startNanos = System.nanoTime();
        CompletableFuture<Envelope> blocked = send(client, PingRequest.INSTANCE, 200);
        boolean doneAtOnce = blocked.isDone();
        PeerRequestException failure = failureOf(blocked);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);

        assertThat(doneAtOnce).isFalse();
        assertThat(failure.reason()).isEqualTo(Reason.LINK_BLOCKED);
        assertThat(failure.mayHaveBeenDelivered()).isFalse();
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(190);
        assertThat(handler.callCount()).isZero();
        assertThat(server.counters().connectionsOpened()).isZero();

        linkFilter.heal();
        CompletableFuture<Envelope> healed = send(client, PingRequest.INSTANCE, LONG_TIMEOUT_MILLIS);
        handler.awaitCall(0).reply().complete(new PingReply("healed"));
        assertThat(healed.get(5, TimeUnit.SECONDS).body()).isEqualTo(new PingReply("healed"));
    }

    @Test
    void should_drop_a_reply_that_arrives_after_the_link_was_blocked() throws Exception {
        server = startServer(0);
        InternodeClient client = newClient(config());
        CompletableFuture<Envelope> cutOff = send(client, PingRequest.INSTANCE, 300);
        ManualMessageHandler.Call call = handler.awaitCall(0);

        linkFilter.block(Set.of(PEER));
        call.reply().complete(new PingReply("lost in the partition"));

        assertThat(failureOf(cutOff).reason()).isEqualTo(Reason.TIMEOUT);
    }

    @Test
    void should_fail_fast_with_overloaded_beyond_the_per_peer_in_flight_bound() throws Exception {
        server = startServer(0);
        InternodeClient client = newClient(config().withMaxInFlightPerPeer(3));
        List<CompletableFuture<Envelope>> admitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            admitted.add(send(client, PingRequest.INSTANCE, LONG_TIMEOUT_MILLIS));
        }

        CompletableFuture<Envelope> refused = send(client, PingRequest.INSTANCE, LONG_TIMEOUT_MILLIS);

        assertThat(refused).isCompletedExceptionally();
        assertThat(failureOf(refused).reason()).isEqualTo(Reason.OVERLOADED);
        assertThat(failureOf(refused).mayHaveBeenDelivered()).isFalse();
        assertThat(client.inFlightRequests(address())).isEqualTo(3);

        handler.awaitCall(0).reply().complete(new PingReply("one"));
        CompletableFuture.anyOf(admitted.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        await().until(() -> client.inFlightRequests(address()) == 2);
        CompletableFuture<Envelope> admittedAgain = send(client, PingRequest.INSTANCE, LONG_TIMEOUT_MILLIS);
        assertThat(admittedAgain).isNotCompletedExceptionally();
        handler.awaitCall(3).reply().complete(new PingReply("again"));
        assertThat(admittedAgain.get(5, TimeUnit.SECONDS).body()).isEqualTo(new PingReply("again"));
    }

    @Test
    void should_connect_at_once_after_peer_came_up_even_within_a_long_backoff() throws Exception {
        server = startServer(0);
        int port = server.port();
        InetSocketAddress address = address();
        InternodeClient client = newClient(config().withReconnectBackoff(Duration.ofMinutes(1), Duration.ofMinutes(1)));
        server.close(Duration.ZERO);
        server = null;
        assertThat(failureOf(send(client, address, LONG_TIMEOUT_MILLIS)).reason())
                .isEqualTo(Reason.CONNECT_FAILED);
        MessageServer restarted = MessageServer.start(
                MessageServerConfig.of("127.0.0.1", port, PEER),
                loops,
                (request, from) -> CompletableFuture.completedFuture(new PingReply("restarted")),
                () -> 1);
        resources.add(() -> restarted.close(Duration.ofSeconds(1)));
        assertThat(failureOf(send(client, address, LONG_TIMEOUT_MILLIS)).getMessage())
                .as("still backing off: nothing told the client the peer is back")
                .contains("failed attempt");

        client.peerCameUp(address);

        assertThat(send(client, address, LONG_TIMEOUT_MILLIS)
                        .get(5, TimeUnit.SECONDS)
                        .body())
                .isEqualTo(new PingReply("restarted"));
    }

    @Test
    void should_fail_fast_with_connect_failed_when_nothing_listens() throws Exception {
        InternodeClient client = newClient(config());
        InetSocketAddress nowhere = new InetSocketAddress("127.0.0.1", freePort());

        PeerRequestException failure =
                failureOf(client.send(PEER, nowhere, PingRequest.INSTANCE, TraceContext.EMPTY, LONG_TIMEOUT_MILLIS)
                        .toCompletableFuture());

        assertThat(failure.reason()).isEqualTo(Reason.CONNECT_FAILED);
        assertThat(failure.mayHaveBeenDelivered()).isFalse();
        assertThat(client.inFlightRequests(nowhere)).isZero();
    }

    @Test
    void should_fail_outstanding_and_later_requests_with_closed() throws Exception {
        server = startServer(0);
        InternodeClient client = newClient(config());
        CompletableFuture<Envelope> inFlight = send(client, PingRequest.INSTANCE, LONG_TIMEOUT_MILLIS);
        handler.awaitCall(0);
        linkFilter.block(Set.of("other-peer"));
        CompletableFuture<Envelope> blocked = client.send(
                        "other-peer", address(), PingRequest.INSTANCE, TraceContext.EMPTY, LONG_TIMEOUT_MILLIS)
                .toCompletableFuture();

        client.close();

        assertThat(failureOf(inFlight).reason()).isEqualTo(Reason.CLOSED);
        assertThat(failureOf(blocked).reason()).isEqualTo(Reason.CLOSED);
        assertThat(failureOf(send(client, PingRequest.INSTANCE, LONG_TIMEOUT_MILLIS))
                        .reason())
                .isEqualTo(Reason.CLOSED);
    }

    @Test
    void should_answer_a_request_too_large_to_encode_with_a_definite_error_reply() throws Exception {
        server = startServer(0);
        InternodeClient client = newClient(new InternodeClientConfig(
                "client-node",
                ProtocolLimits.DEFAULT.withMaxFrameBytes(1024),
                1,
                Duration.ofSeconds(1),
                Duration.ofMillis(50),
                Duration.ofMillis(200),
                16,
                null));
        byte[] hugeKey = new byte[4096];

        Envelope reply = send(client, new GetRequest(hugeKey, 0, Consistency.DEFAULT, 0), LONG_TIMEOUT_MILLIS)
                .get(5, TimeUnit.SECONDS);

        assertThat(reply.body())
                .asInstanceOf(InstanceOfAssertFactories.type(ErrorReply.class))
                .satisfies(error -> {
                    assertThat(error.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
                    assertThat(error.definite()).isTrue();
                });
        assertThat(handler.callCount()).isZero();
        CompletableFuture<Envelope> afterwards = send(client, PingRequest.INSTANCE, LONG_TIMEOUT_MILLIS);
        handler.awaitCall(0).reply().complete(new PingReply("still usable"));
        assertThat(afterwards.get(5, TimeUnit.SECONDS).body()).isEqualTo(new PingReply("still usable"));
    }

    @Test
    void should_turn_an_undecodable_reply_into_an_indefinite_error_reply() throws Exception {
        server = startServer(0);
        ProtocolLimits strict = ProtocolLimits.DEFAULT.withMaxKeyBytes(16);
        InternodeClient strictClient = newClient(new InternodeClientConfig(
                "strict-client",
                strict,
                1,
                Duration.ofSeconds(1),
                Duration.ofMillis(50),
                Duration.ofMillis(200),
                16,
                null));

        CompletableFuture<Envelope> request = send(strictClient, PingRequest.INSTANCE, LONG_TIMEOUT_MILLIS);
        handler.awaitCall(0).reply().complete(new GetRequest(new byte[64], 0, Consistency.DEFAULT, 0));
        Envelope reply = request.get(5, TimeUnit.SECONDS);

        assertThat(reply.body())
                .asInstanceOf(InstanceOfAssertFactories.type(ErrorReply.class))
                .satisfies(error -> {
                    assertThat(error.code()).isEqualTo(ErrorCode.KEY_TOO_LARGE);
                    assertThat(error.definite()).isFalse();
                });
        assertThat(strictClient.inFlightRequests(address())).isZero();
    }

    @Test
    void should_deliver_a_one_way_message_and_forget_its_reply() {
        server = startServer(0);
        InternodeClient client = newClient(config());

        client.sendOneWay(PEER, address(), PingRequest.INSTANCE, TraceContext.EMPTY, 1_000);
        handler.awaitCall(0).reply().complete(new PingReply("ignored"));

        await().until(() -> client.inFlightRequests(address()) == 0);
        assertThat(handler.calls())
                .singleElement()
                .satisfies(call -> assertThat(call.request().body()).isEqualTo(PingRequest.INSTANCE));
    }

    private MessageServer startServer(int port) {
        return MessageServer.start(MessageServerConfig.of("127.0.0.1", port, PEER), loops, handler, () -> 5);
    }

    private static InternodeClientConfig config() {
        return InternodeClientConfig.defaults("client-node");
    }

    private InternodeClient newClient(InternodeClientConfig config) {
        InternodeClient client = new InternodeClient(
                config, loops, linkFilter, () -> 9, SystemClock.INSTANCE, new SplittableRandom(SEED));
        resources.add(client);
        return client;
    }

    private CompletableFuture<Envelope> send(InternodeClient client, Message body, long timeoutMillis) {
        return client.send(PEER, address(), body, TraceContext.EMPTY, timeoutMillis)
                .toCompletableFuture();
    }

    private static CompletableFuture<Envelope> send(
            InternodeClient client, InetSocketAddress address, long timeoutMillis) {
        return client.send(PEER, address, PingRequest.INSTANCE, TraceContext.EMPTY, timeoutMillis)
                .toCompletableFuture();
    }

    private InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.port());
    }

    private static byte[] key(int index) {
        return ("key-" + index).getBytes(StandardCharsets.UTF_8);
    }

    private static PeerRequestException failureOf(CompletableFuture<Envelope> request) {
        Throwable thrown = catchThrowable(() -> request.get(5, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(PeerRequestException.class);
        return (PeerRequestException) thrown.getCause();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
