package io.ringkv.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SiblingResolversTest {

    @Test
    void last_write_wins_should_keep_the_latest_write() {
        List<Sibling> siblings = List.of(sibling("old", 10), sibling("newest", 30), sibling("middle", 20));

        assertThat(new String(SiblingResolvers.lastWriteWins().resolve(siblings)))
                .isEqualTo("newest");
    }

    @Test
    void last_write_wins_should_pick_the_same_sibling_in_any_order_even_on_equal_clocks() {
        long seed = 99L;
        Random random = new Random(seed);
        List<Sibling> siblings = new ArrayList<>(List.of(sibling("b", 10), sibling("c", 10), sibling("a", 10)));
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(siblings, random);
            assertThat(new String(SiblingResolvers.lastWriteWins().resolve(siblings)))
                    .as("seed %d", seed)
                    .isEqualTo("c");
        }
    }

    @Test
    void require_single_should_refuse_conflicts() {
        assertThat(SiblingResolvers.requireSingle().resolve(List.of(sibling("x", 1))))
                .containsExactly('x');
        assertThatThrownBy(() -> SiblingResolvers.requireSingle().resolve(List.of(sibling("x", 1), sibling("y", 2))))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Sibling sibling(String value, long writtenAtMillis) {
        return new Sibling(value.getBytes(java.nio.charset.StandardCharsets.UTF_8), writtenAtMillis);
    }
}
