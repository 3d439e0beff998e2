package io.ringkv.consistency.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class FaultIntervalTest {

    @Test
    void should_contain_its_start_but_not_its_end() {
        FaultInterval fault = new FaultInterval("pause [n1]", 100, 200);

        assertThat(fault.contains(99)).isFalse();
        assertThat(fault.contains(100)).isTrue();
        assertThat(fault.contains(199)).isTrue();
        assertThat(fault.contains(200)).isFalse();
        assertThat(fault.durationNanos()).isEqualTo(100);
    }

    @Test
    void should_reject_an_interval_that_ends_before_it_starts() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FaultInterval("kill", 200, 100));
    }
}
