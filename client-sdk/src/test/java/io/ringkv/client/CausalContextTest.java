package io.ringkv.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CausalContextTest {

    @Test
    void should_survive_a_round_trip_through_its_text_form() {
        long seed = 20240611L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[1 + random.nextInt(80)];
            random.nextBytes(bytes);
            CausalContext context = CausalContext.fromBytes(bytes);

            String text = context.toBase64();

            assertThat(text).as("seed %d", seed).doesNotContain("+", "/", "=");
            assertThat(CausalContext.fromBase64(text)).as("seed %d", seed).isEqualTo(context);
            assertThat(CausalContext.fromBase64(Base64.getEncoder().encodeToString(bytes)))
                    .as("standard alphabet with padding, seed %d", seed)
                    .isEqualTo(context);
        }
    }

    @Test
    void should_treat_empty_as_none() {
        assertThat(CausalContext.fromBytes(new byte[0])).isSameAs(CausalContext.NONE);
        assertThat(CausalContext.fromBase64("")).isSameAs(CausalContext.NONE);
        assertThat(CausalContext.NONE.isEmpty()).isTrue();
        assertThat(CausalContext.NONE.toBase64()).isEmpty();
    }

    @Test
    void should_not_share_its_bytes_with_callers() {
        byte[] bytes = {1, 2, 3};
        CausalContext context = CausalContext.fromBytes(bytes);
        bytes[0] = 9;
        context.toBytes()[1] = 9;

        assertThat(context.toBytes()).containsExactly(1, 2, 3);
    }

    @Test
    void should_reject_text_that_is_not_base64() {
        assertThatThrownBy(() -> CausalContext.fromBase64("not base64!")).isInstanceOf(IllegalArgumentException.class);
    }
}
