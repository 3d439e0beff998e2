package io.ringkv.client.internal.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.error.RingKvException;
import io.ringkv.client.error.UnavailableException;
import io.ringkv.client.policy.RequestKind;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.ReplicaError;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    @Test
    void should_fail_over_only_on_codes_that_mean_another_node_may_succeed() {
        Set<ErrorCode> failover = EnumSet.noneOf(ErrorCode.class);
        for (ErrorCode code : ErrorCode.values()) {
            if (ErrorMapper.isFailoverCode(code)) {
                failover.add(code);
            }
        }
        assertThat(failover)
                .containsExactlyInAnyOrder(
                        ErrorCode.UNAVAILABLE, ErrorCode.NOT_REPLICA, ErrorCode.OVERLOADED, ErrorCode.SHUTTING_DOWN);
    }

    @Test
    void should_keep_the_code_node_and_message_of_every_reply() {
        for (ErrorCode code : ErrorCode.values()) {
            RingKvException mapped = ErrorMapper.map(ErrorReply.of(code, "detail", false), "n7", RequestKind.WRITE);

            assertThat(mapped.errorCode()).isEqualTo(code);
            assertThat(mapped.nodeId()).contains("n7");
            assertThat(mapped.getMessage()).contains("n7", code.name(), "detail");
        }
    }

    @Test
    void should_carry_the_quorum_detail_of_an_unavailable_reply() {
        ErrorReply reply = new ErrorReply(
                ErrorCode.UNAVAILABLE,
                "1 of 2",
                false,
                1,
                2,
                List.of(new ReplicaError("n2", ErrorCode.TIMEOUT, "slow")));

        UnavailableException mapped = (UnavailableException) ErrorMapper.map(reply, "n1", RequestKind.WRITE);

        assertThat(mapped.acksReceived()).isEqualTo(1);
        assertThat(mapped.acksRequired()).isEqualTo(2);
        assertThat(mapped.quorum().replicaFailures()).singleElement().satisfies(failure -> {
            assertThat(failure.nodeId()).isEqualTo("n2");
            assertThat(failure.code()).isEqualTo(ErrorCode.TIMEOUT);
        });
        assertThat(mapped.definitelyNotApplied()).isFalse();
    }
}
