package io.ringkv.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void should_default_to_the_node_settings() {
        assertThat(ReadOptions.DEFAULT.r()).isZero();
        assertThat(ReadOptions.DEFAULT.consistency()).isEqualTo(Consistency.DEFAULT);
        assertThat(ReadOptions.DEFAULT.timeout()).isZero();
        assertThat(WriteOptions.DEFAULT.w()).isZero();
    }

    @Test
    void should_build_the_same_options_with_builders_and_withers() {
        ReadOptions built = ReadOptions.builder()
                .r(2)
                .consistency(Consistency.STRICT)
                .timeout(Duration.ofMillis(300))
                .build();
        WriteOptions written = WriteOptions.builder()
                .w(3)
                .consistency(Consistency.LINEARIZABLE)
                .timeout(Duration.ofSeconds(1))
                .build();

        assertThat(built)
                .isEqualTo(ReadOptions.DEFAULT
                        .withR(2)
                        .withConsistency(Consistency.STRICT)
                        .withTimeout(Duration.ofMillis(300)));
        assertThat(written)
                .isEqualTo(WriteOptions.DEFAULT
                        .withW(3)
                        .withConsistency(Consistency.LINEARIZABLE)
                        .withTimeout(Duration.ofSeconds(1)));
    }

    @Test
    void should_reject_values_the_wire_cannot_carry() {
        assertThatThrownBy(() -> ReadOptions.DEFAULT.withR(256)).hasMessageContaining("r must be within 0..255");
        assertThatThrownBy(() -> WriteOptions.DEFAULT.withW(-1)).hasMessageContaining("w must be within 0..255");
        assertThatThrownBy(() -> ReadOptions.DEFAULT.withTimeout(Duration.ofMillis(-1)))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> WriteOptions.DEFAULT.withTimeout(Duration.ofDays(60)))
                .hasMessageContaining("at most");
    }

    @Test
    void should_expose_a_single_value_only_when_there_is_no_conflict() {
        GetResult single = new GetResult(true, List.of(new Sibling(new byte[] {'a'}, 1)), CausalContext.NONE, "n1");
        GetResult conflict = new GetResult(
                true,
                List.of(new Sibling(new byte[] {'a'}, 1), new Sibling(new byte[] {'b'}, 2)),
                CausalContext.NONE,
                "n1");
        GetResult absent = new GetResult(false, List.of(), CausalContext.NONE, "n1");

        assertThat(single.valueAsString()).isEqualTo("a");
        assertThat(conflict.hasConflict()).isTrue();
        assertThatThrownBy(conflict::value)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 concurrent");
        assertThatThrownBy(absent::value)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no value");
    }

    @Test
    void should_compare_siblings_by_content() {
        assertThat(new Sibling(new byte[] {1, 2}, 5)).isEqualTo(new Sibling(new byte[] {1, 2}, 5));
        assertThat(new Sibling(new byte[] {1, 2}, 5)).isNotEqualTo(new Sibling(new byte[] {1, 2}, 6));
    }
}
