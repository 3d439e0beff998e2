package io.ringkv.consistency.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.Consistency;
import io.ringkv.consistency.checker.SetCheckResult;
import io.ringkv.consistency.checker.Verdict;
import io.ringkv.consistency.nemesis.AppliedFault;
import io.ringkv.consistency.nemesis.Fault;
import io.ringkv.consistency.nemesis.NemesisKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The set-add workload: with siblings merged by union no acknowledged add is lost under partitions,
 * kills and pauses, nor while nodes join and leave, and the replicas converge after healing; with last-writer-wins merging concurrent
 * adds are lost, and the checker shows which.
 */
class SetAddIT {

    @Test
    void should_lose_no_acknowledged_add_when_siblings_are_merged() {
        RunOptions options = Campaign.options(
                "set-mixed-eventual",
                WorkloadKind.SET,
                NemesisKind.MIXED,
                Consistency.EVENTUAL,
                0,
                0,
                Campaign.duration(Duration.ofSeconds(15)),
                1,
                false);

        RunOutcome outcome = new TestRun(options).execute();

        // Seed 1's mixed schedule is a kill, then a partition (the schedule depends on the seed alone).
        assertThat(outcome.faults())
                .extracting(AppliedFault::fault)
                .hasAtLeastOneElementOfType(Fault.Kill.class)
                .hasAtLeastOneElementOfType(Fault.Partition.class);
        SetCheckResult result = (SetCheckResult) outcome.check().checkerResult();
        assertThat(result.valid())
                .as("%s (report in %s)", result.describe(), outcome.runDirectory())
                .isEqualTo(Verdict.VALID);
        assertThat(result.lostCount()).isZero();
        assertThat(result.acknowledgedCount()).as("acknowledged adds").isGreaterThan(5);
        assertThat(outcome.convergence()).isNotNull();
        assertThat(outcome.convergence().valid())
                .as(outcome.convergence().summary())
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void should_lose_no_acknowledged_add_while_nodes_join_and_leave() {
        RunOptions options = Campaign.options(
                "set-membership-eventual",
                WorkloadKind.SET,
                NemesisKind.MEMBERSHIP,
                Consistency.EVENTUAL,
                0,
                0,
                Campaign.duration(Duration.ofSeconds(20)),
                1,
                false);

        RunOutcome outcome = new TestRun(options).execute();

        assertThat(outcome.faults())
                .as("joins (each healed by a decommission) in %s", outcome.runDirectory())
                .extracting(AppliedFault::fault)
                .hasAtLeastOneElementOfType(Fault.Join.class);
        assertThat(outcome.verdict())
                .as("run verdict (report in %s)", outcome.runDirectory())
                .isEqualTo(Verdict.VALID);
        SetCheckResult result = (SetCheckResult) outcome.check().checkerResult();
        assertThat(result.lostCount()).as(result.describe()).isZero();
        assertThat(result.acknowledgedCount()).as("acknowledged adds").isGreaterThan(5);
        assertThat(outcome.convergence().valid())
                .as(outcome.convergence().summary())
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void should_show_the_adds_that_last_writer_wins_loses() {
        RunOptions options = Campaign.options(
                "set-lww-partition-eventual",
                WorkloadKind.SET_LWW,
                NemesisKind.PARTITION,
                Consistency.EVENTUAL,
                0,
                0,
                Campaign.duration(Duration.ofSeconds(15)),
                1,
                true);

        RunOutcome outcome = new TestRun(options).execute();

        SetCheckResult result = (SetCheckResult) outcome.check().checkerResult();
        assertThat(result.lostCount())
                .as("%s (report in %s)", result.describe(), outcome.runDirectory())
                .isPositive();
        assertThat(outcome.verdict()).as("losses are the expected anomaly").isEqualTo(Verdict.VALID);
    }
}
