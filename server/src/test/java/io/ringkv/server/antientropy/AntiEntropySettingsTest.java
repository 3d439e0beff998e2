package io.ringkv.server.antientropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.server.config.InvalidConfigException;
import io.ringkv.server.config.NodeConfig;
import io.ringkv.server.config.NodeConfigLoader;
import org.junit.jupiter.api.Test;

class AntiEntropySettingsTest {

    private final NodeConfigLoader loader =
            new NodeConfigLoader().with("node-id", "n1").with("data-dir", "/tmp/unused-data-dir");

    @Test
    void should_default_to_a_pass_a_minute_64_leaves_10_mib_per_second_and_a_10_day_grace() {
        NodeConfig config = loader.build();

        assertThat(config.antiEntropy())
                .isEqualTo(new NodeConfig.AntiEntropySettings(60_000, 64, 10L << 20, 10L * 24 * 3600 * 1000));
        assertThat(config.hints().enabled()).isTrue();
    }

    @Test
    void should_reject_a_tombstone_grace_shorter_than_the_hint_window() {
        loader.with("hints.max-age-millis", "7200000").with("tombstones.grace-millis", "3600000");

        assertThatThrownBy(loader::build)
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("tombstones.grace-millis (3600000) must be >= hints.max-age-millis (7200000)");
    }

    @Test
    void should_reject_a_leaf_count_that_is_not_a_power_of_two() {
        loader.with("anti-entropy.leaves-per-partition", "100");

        assertThatThrownBy(loader::build)
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("anti-entropy.leaves-per-partition must be a power of two");
    }

    @Test
    void should_read_hints_enabled_as_a_boolean() {
        assertThat(loader.with("hints.enabled", "false").build().hints().enabled())
                .isFalse();
        assertThatThrownBy(() -> loader.with("hints.enabled", "no").build())
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("hints.enabled must be true or false");
    }
}
