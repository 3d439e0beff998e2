package io.ringkv.benchmarks.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DataMovementExperimentTest {

    @Test
    void should_move_close_to_the_ideal_share_when_one_node_joins() {
        DataMovementResult result = new DataMovementExperiment(3).run(20, 1024);

        assertThat(result.ownerChangedFraction()).isCloseTo(1.0 / 21, within(0.005));
        assertThat(result.newcomerShare()).isCloseTo(1.0 / 21, within(0.005));
        assertThat(result.movedOverIdeal()).isBetween(0.9, 1.25);
    }

    @Test
    void should_follow_the_partition_count_rule_of_the_design() {
        assertThat(DataMovementExperiment.partitionCountFor(100)).isEqualTo(4096);
        assertThat(DataMovementExperiment.partitionCountFor(1_000)).isEqualTo(16_384);
        assertThat(DataMovementExperiment.partitionCountFor(5_000)).isEqualTo(65_536);
    }
}
