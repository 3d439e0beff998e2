package io.ringkv.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProtocolLimitsTest {

    @Test
    void should_default_to_the_documented_limits() {
        ProtocolLimits limits = ProtocolLimits.DEFAULT;

        assertThat(limits.maxFrameBytes()).isEqualTo(16 * 1024 * 1024);
        assertThat(limits.maxKeyBytes()).isEqualTo(8 * 1024);
        assertThat(limits.maxValueBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(limits.maxSiblings()).isEqualTo(128);
        assertThat(limits.maxListEntries()).isEqualTo(1_000_000);
    }

    @Test
    void should_refuse_non_positive_limits_naming_the_bad_one() {
        assertThatThrownBy(() -> ProtocolLimits.DEFAULT.withMaxFrameBytes(0)).hasMessageContaining("maxFrameBytes");
        assertThatThrownBy(() -> ProtocolLimits.DEFAULT.withMaxKeyBytes(-1)).hasMessageContaining("maxKeyBytes");
        assertThatThrownBy(() -> ProtocolLimits.DEFAULT.withMaxValueBytes(0)).hasMessageContaining("maxValueBytes");
        assertThatThrownBy(() -> ProtocolLimits.DEFAULT.withMaxSiblings(0)).hasMessageContaining("maxSiblings");
        assertThatThrownBy(() -> ProtocolLimits.DEFAULT.withMaxListEntries(0)).hasMessageContaining("maxListEntries");
    }

    @Test
    void should_refuse_a_frame_limit_that_leaves_no_room_for_the_length_field() {
        assertThatThrownBy(() -> ProtocolLimits.DEFAULT.withMaxFrameBytes(Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length field");
        assertThat(ProtocolLimits.DEFAULT
                        .withMaxFrameBytes(Integer.MAX_VALUE - 4)
                        .maxFrameBytes())
                .isEqualTo(Integer.MAX_VALUE - 4);
    }

    @Test
    void should_change_one_limit_at_a_time() {
        ProtocolLimits changed = ProtocolLimits.DEFAULT.withMaxSiblings(4).withMaxKeyBytes(100);

        assertThat(changed).isEqualTo(new ProtocolLimits(16 << 20, 100, 4 << 20, 4, 1_000_000));
    }

    @Test
    void should_carry_code_and_request_id_in_a_protocol_exception() {
        ProtocolException exception = new ProtocolException(ErrorCode.KEY_TOO_LARGE, 7, "key of 9000 bytes");

        assertThat(exception.code()).isEqualTo(ErrorCode.KEY_TOO_LARGE);
        assertThat(exception.requestId()).isEqualTo(7);
        assertThat(exception).hasMessage("key of 9000 bytes").isInstanceOf(RuntimeException.class);
    }
}
