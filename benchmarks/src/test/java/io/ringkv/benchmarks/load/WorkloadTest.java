package io.ringkv.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadTest {

    private static final long SEED = 7L;
    private static final int DRAWS = 200_000;

    @ParameterizedTest
    @CsvSource({"A, 0.50", "B, 0.95", "C, 1.00"})
    void should_mix_reads_and_updates_in_the_workloads_proportions(Workload workload, double readShare) {
        SplittableRandom random = new SplittableRandom(SEED);
        long reads = 0;
        for (int i = 0; i < DRAWS; i++) {
            if (workload.nextOperation(random) == OperationType.READ) {
                reads++;
            }
        }
        // Binomial standard deviation at p = 0.5 and 200,000 draws is about 0.11 %; 0.5 % is 4.5 of them.
        assertThat(reads / (double) DRAWS).as("seed %d", SEED).isCloseTo(readShare, within(0.005));
        assertThat(workload.readProportion()).isEqualTo(readShare);
    }

    @ParameterizedTest
    @CsvSource({"A", "B"})
    void should_update_in_every_workload_but_c(Workload workload) {
        SplittableRandom random = new SplittableRandom(SEED);
        boolean updated = false;
        for (int i = 0; i < 1_000 && !updated; i++) {
            updated = workload.nextOperation(random) == OperationType.UPDATE;
        }
        assertThat(updated).isTrue();
    }
}
