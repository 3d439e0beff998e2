package io.ringkv.consistency.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdnValuesTest {

    @Test
    void should_parse_single_values_into_the_value_model() {
        assertThat(EdnValues.parse("nil")).isNull();
        assertThat(EdnValues.parse("0")).isEqualTo(0L);
        assertThat(EdnValues.parse("\"x\"")).isEqualTo("x");
        assertThat(EdnValues.parse(":ok")).isEqualTo(Keyword.of("ok"));
        assertThat(EdnValues.parse("[1 nil]")).isEqualTo(Arrays.asList(1L, null));
        assertThat(EdnValues.parse("(1 2)")).isEqualTo(List.of(1L, 2L));
        assertThat(EdnValues.parse("99999999999999999999")).isEqualTo(new BigInteger("99999999999999999999"));
    }

    @Test
    void should_print_what_it_parses() {
        for (String edn : List.of("nil", "-3", "\"a\\\"b\"", ":ns/k", "[1 [2 nil]]", "#{}", "{:a 1}", "##NaN", "2.5")) {
            assertThat(EdnValues.print(EdnValues.parse(edn))).as(edn).isEqualTo(edn);
        }
    }

    @Test
    void should_reject_text_that_is_not_exactly_one_value() {
        assertThatThrownBy(() -> EdnValues.parse("")).isInstanceOf(HistoryFormatException.class);
        assertThatThrownBy(() -> EdnValues.parse("1 2")).isInstanceOf(HistoryFormatException.class);
        assertThatThrownBy(() -> EdnValues.parse("[1")).isInstanceOf(HistoryFormatException.class);
    }

    @Test
    void should_refuse_to_print_types_outside_the_value_model() {
        assertThatThrownBy(() -> EdnValues.print(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the history value model");
    }
}
