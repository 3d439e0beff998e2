package io.ringkv.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ClusterSeedsTest {

    @Test
    void should_default_to_the_dev_cluster() {
        assertThat(ClusterSeeds.resolve(new String[0], new Properties()))
                .containsExactly("127.0.0.1:7101", "127.0.0.1:7102", "127.0.0.1:7103");
    }

    @Test
    void should_take_the_system_property_over_the_default() {
        Properties properties = new Properties();
        properties.setProperty(ClusterSeeds.PROPERTY, "10.0.0.5:7101, 10.0.0.6:7101");

        assertThat(ClusterSeeds.resolve(new String[0], properties)).containsExactly("10.0.0.5:7101", "10.0.0.6:7101");
    }

    @Test
    void should_take_the_first_argument_over_the_system_property() {
        Properties properties = new Properties();
        properties.setProperty(ClusterSeeds.PROPERTY, "10.0.0.5:7101");

        assertThat(ClusterSeeds.resolve(new String[] {"127.0.0.1:9001,127.0.0.1:9002,"}, properties))
                .containsExactly("127.0.0.1:9001", "127.0.0.1:9002");
    }

    @Test
    void should_refuse_a_value_without_addresses() {
        assertThatThrownBy(() -> ClusterSeeds.resolve(new String[] {" , "}, new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first argument");
    }
}
