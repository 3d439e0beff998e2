package io.ringkv.consistency.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationParserTest {

    @Test
    void should_read_durations_with_and_without_units() {
        assertThat(DurationParser.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationParser.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationParser.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationParser.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationParser.parse("15")).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void should_refuse_anything_else() {
        assertThatThrownBy(() -> DurationParser.parse("soon")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> DurationParser.parse("-3s")).isInstanceOf(IllegalArgumentException.class);
    }
}
