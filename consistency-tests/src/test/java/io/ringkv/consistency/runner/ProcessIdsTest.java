package io.ringkv.consistency.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessIdsTest {

    @Test
    void should_hand_out_ids_after_those_of_the_first_workers_never_twice() {
        ProcessIds ids = new ProcessIds(5);

        assertThat(ids.fresh()).isEqualTo(5);
        assertThat(ids.fresh()).isEqualTo(6);
        assertThat(TestRun.clientAddress(0).getHostAddress()).isEqualTo("127.0.1.1");
        assertThat(TestRun.clientAddress(4).getHostAddress()).isEqualTo("127.0.1.5");
    }
}
