package io.ringkv.consistency.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.Consistency;
import io.ringkv.consistency.checker.Verdict;
import io.ringkv.consistency.nemesis.NemesisKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * EVENTUAL registers with R = W = 1 under partitions are not linearizable, and the suite must say so:
 * clients coordinate through different replicas of each key, so a write acknowledged on one side of a
 * partition is missed by reads on the other. A run that finds no violation means the nemesis or the
 * checker does not bite, which is the failure here.
 */
class EventualRegisterAnomalyIT {

    @Test
    void should_find_a_linearizability_violation_under_partitions() {
        RunOptions options = Campaign.options(
                "register-partition-eventual-r1w1",
                WorkloadKind.REGISTER,
                NemesisKind.PARTITION,
                Consistency.EVENTUAL,
                1,
                1,
                Campaign.duration(Duration.ofSeconds(20)),
                1,
                true,
                // Few keys: many operations per key, so stale reads across the partition are frequent.
                3);

        RunOutcome outcome = new TestRun(options).execute();

        assertThat(outcome.faults()).as("partitions injected").isNotEmpty();
        assertThat(outcome.anomalyFound())
                .as("%s (report in %s)", outcome.check().summary(), outcome.runDirectory())
                .isTrue();
        assertThat(outcome.verdict())
                .as("an expected anomaly is reported as such")
                .isEqualTo(Verdict.VALID);
    }
}
