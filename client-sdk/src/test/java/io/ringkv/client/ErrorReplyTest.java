package io.ringkv.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ringkv.client.error.BadRequestException;
import io.ringkv.client.error.InvalidContextException;
import io.ringkv.client.error.KeyTooLargeException;
import io.ringkv.client.error.OverloadedException;
import io.ringkv.client.error.RequestTimeoutException;
import io.ringkv.client.error.RingKvException;
import io.ringkv.client.error.ServerErrorException;
import io.ringkv.client.error.TooManySiblingsException;
import io.ringkv.client.error.UnavailableException;
import io.ringkv.client.error.ValueTooLargeException;
import io.ringkv.client.testing.FakeCluster;
import io.ringkv.client.testing.Responder;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.protocol.message.ErrorReply;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every error code a node can answer, through the wire, to the exception a caller sees. */
class ErrorReplyTest {

    private static final Map<ErrorCode, Class<? extends RingKvException>> EXPECTED = new EnumMap<>(ErrorCode.class);

    static {
        EXPECTED.put(ErrorCode.NONE, ServerErrorException.class);
        EXPECTED.put(ErrorCode.BAD_REQUEST, BadRequestException.class);
        EXPECTED.put(ErrorCode.MALFORMED_FRAME, BadRequestException.class);
        EXPECTED.put(ErrorCode.FRAME_TOO_LARGE, BadRequestException.class);
        EXPECTED.put(ErrorCode.KEY_TOO_LARGE, KeyTooLargeException.class);
        EXPECTED.put(ErrorCode.VALUE_TOO_LARGE, ValueTooLargeException.class);
        EXPECTED.put(ErrorCode.TOO_MANY_SIBLINGS, TooManySiblingsException.class);
        EXPECTED.put(ErrorCode.INVALID_CONTEXT, InvalidContextException.class);
        EXPECTED.put(ErrorCode.UNAVAILABLE, UnavailableException.class);
        EXPECTED.put(ErrorCode.TIMEOUT, RequestTimeoutException.class);
        EXPECTED.put(ErrorCode.OVERLOADED, OverloadedException.class);
        EXPECTED.put(ErrorCode.NOT_REPLICA, UnavailableException.class);
        EXPECTED.put(ErrorCode.STORAGE_ERROR, ServerErrorException.class);
        EXPECTED.put(ErrorCode.UNSUPPORTED_MESSAGE, BadRequestException.class);
        EXPECTED.put(ErrorCode.SHUTTING_DOWN, UnavailableException.class);
        EXPECTED.put(ErrorCode.INTERNAL, ServerErrorException.class);
        EXPECTED.put(ErrorCode.UNSUPPORTED_VERSION, BadRequestException.class);
        EXPECTED.put(ErrorCode.LIST_TOO_LARGE, BadRequestException.class);
    }

    private static FakeCluster cluster;
    private static RingKvClient client;

    @BeforeAll
    static void start() {
        cluster = FakeCluster.start(3);
        client = cluster.client();
    }

    @AfterAll
    static void stop() {
        client.close();
        cluster.close();
    }

    @Test
    void every_code_has_an_expected_exception() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(ErrorCode.values());
    }

    @Test
    void should_map_every_code_of_a_write_keeping_the_definite_flag() {
        for (ErrorCode code : ErrorCode.values()) {
            for (boolean definite : new boolean[] {true, false}) {
                answerEverywhere(new ErrorReply(code, "scripted", definite, 0, 0, java.util.List.of()));

                Throwable failure = catchThrowable(() -> client.blocking().put("k", "v", CausalContext.NONE));

                boolean alwaysDefinite = code == ErrorCode.NOT_REPLICA || code == ErrorCode.SHUTTING_DOWN;
                assertThat(failure).as("%s definite=%s", code, definite).isInstanceOf(EXPECTED.get(code));
                RingKvException ringKv = (RingKvException) failure;
                assertThat(ringKv.definitelyNotApplied())
                        .as("%s definite=%s", code, definite)
                        .isEqualTo(definite || alwaysDefinite);
                assertThat(ringKv.errorCode()).isEqualTo(code);
                assertThat(ringKv.getMessage()).contains("scripted");
            }
        }
    }

    @Test
    void should_report_every_failed_read_as_definite() {
        for (ErrorCode code : ErrorCode.values()) {
            answerEverywhere(ErrorReply.of(code, "scripted", false));

            Throwable failure = catchThrowable(() -> client.blocking().get("k"));

            assertThat(failure).as("%s", code).isInstanceOf(EXPECTED.get(code));
            assertThat(((RingKvException) failure).definitelyNotApplied()).isTrue();
        }
    }

    @Test
    void should_refuse_oversized_keys_and_values_before_sending() {
        int maxKey = ProtocolLimits.DEFAULT.maxKeyBytes();
        int maxValue = ProtocolLimits.DEFAULT.maxValueBytes();
        answerEverywhere(ErrorReply.of(ErrorCode.INTERNAL, "should not be asked", true));

        Throwable key = catchThrowable(() -> client.blocking().get(new byte[maxKey + 1]));
        Throwable value =
                catchThrowable(() -> client.blocking().put(new byte[] {1}, new byte[maxValue + 1], CausalContext.NONE));
        Throwable empty = catchThrowable(() -> client.blocking().delete(new byte[0], CausalContext.NONE));

        assertThat(key).isInstanceOf(KeyTooLargeException.class);
        assertThat(value).isInstanceOf(ValueTooLargeException.class);
        assertThat(empty).isInstanceOf(BadRequestException.class);
        assertThat(((RingKvException) value).definitelyNotApplied()).isTrue();
    }

    private static void answerEverywhere(ErrorReply reply) {
        cluster.nodes().forEach(node -> node.respondWith(Responder.always(reply)));
    }
}
