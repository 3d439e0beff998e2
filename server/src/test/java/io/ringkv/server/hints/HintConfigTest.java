package io.ringkv.server.hints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HintConfigTest {

    @Test
    void should_name_every_invalid_field_at_once() {
        assertThatThrownBy(() -> new HintConfig(0, -1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAgeMillis must be >= 1, was 0")
                .hasMessageContaining("maxTotalBytes must be >= 1, was -1")
                .hasMessageContaining("replayIntervalMillis must be >= 1, was 0")
                .hasMessageContaining("replayBatchSize must be within 1..10000, was 0");
        assertThatThrownBy(() -> new HintConfig(1, 1, 1, HintConfig.MAX_REPLAY_BATCH_SIZE + 1))
                .hasMessageContaining("replayBatchSize");
    }

    @Test
    void should_take_the_configured_bounds_with_the_default_batch_size() {
        HintConfig config = HintConfig.of(10_800_000, 1L << 30, 1_000);

        assertThat(config).isEqualTo(new HintConfig(10_800_000, 1L << 30, 1_000, HintConfig.DEFAULT_REPLAY_BATCH_SIZE));
    }
}
