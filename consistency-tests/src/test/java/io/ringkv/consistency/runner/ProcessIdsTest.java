package io.ringkv.consistency.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.consistency.cluster.ClusterConfig;
import org.junit.jupiter.api.Test;

class ProcessIdsTest {

    @Test
    void should_hand_out_ids_after_those_of_the_first_workers_never_twice() {
        ProcessIds ids = new ProcessIds(5);

        assertThat(ids.fresh()).isEqualTo(5);
        assertThat(ids.fresh()).isEqualTo(6);
        assertThat(ClusterConfig.clientAddress(0).getHostAddress()).isEqualTo("127.0.1.1");
        assertThat(ClusterConfig.clientAddress(4).getHostAddress()).isEqualTo("127.0.1.5");
    }
}
