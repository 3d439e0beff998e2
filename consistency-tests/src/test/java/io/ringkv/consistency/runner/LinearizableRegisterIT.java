package io.ringkv.consistency.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.Consistency;
import io.ringkv.consistency.checker.Verdict;
import io.ringkv.consistency.nemesis.AppliedFault;
import io.ringkv.consistency.nemesis.Fault;
import io.ringkv.consistency.nemesis.NemesisKind;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LINEARIZABLE registers on five node processes under partitions, kill -9 with restart and pauses, and
 * while nodes join and leave: every history must be linearizable, for every seed.
 */
class LinearizableRegisterIT {

    /** The fault kinds the runs injected, over all seeds. */
    private static final Set<Class<?>> FAULT_KINDS = ConcurrentHashMap.newKeySet();
    /** How many of the mixed runs ran (a test filter may select fewer than all seeds). */
    private static final AtomicInteger MIXED_RUNS = new AtomicInteger();

    static List<Long> seeds() {
        return Campaign.seeds(2);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void should_stay_linearizable_under_partitions_kills_and_pauses(long seed) {
        RunOptions options = Campaign.options(
                "register-mixed-linearizable",
                WorkloadKind.REGISTER,
                NemesisKind.MIXED,
                Consistency.LINEARIZABLE,
                0,
                0,
                Campaign.duration(Duration.ofSeconds(15)),
                seed,
                false);

        RunOutcome outcome = new TestRun(options).execute();

        assertThat(outcome.faults()).as("faults injected").isNotEmpty();
        outcome.faults().stream().map(AppliedFault::fault).forEach(fault -> FAULT_KINDS.add(fault.getClass()));
        MIXED_RUNS.incrementAndGet();
        assertThat(outcome.check().valid())
                .as("seed %d: %s (report in %s)", seed, outcome.check().summary(), outcome.runDirectory())
                .isEqualTo(Verdict.VALID);
        assertThat(outcome.history().pairs()).as("operations completed").hasSizeGreaterThan(20);
        assertThat(outcome.runDirectory().resolve("history.edn")).exists();
    }

    /**
     * Nodes join and are decommissioned under load: registers move to new replicas (copied from a majority
     * of the current ones) while coordinators use joint quorums, and the history stays linearizable.
     */
    @Test
    void should_stay_linearizable_while_nodes_join_and_leave() {
        RunOptions options = Campaign.options(
                "register-membership-linearizable",
                WorkloadKind.REGISTER,
                NemesisKind.MEMBERSHIP,
                Consistency.LINEARIZABLE,
                0,
                0,
                Campaign.duration(Duration.ofSeconds(20)),
                1,
                false);

        RunOutcome outcome = new TestRun(options).execute();

        assertThat(outcome.faults())
                .extracting(AppliedFault::fault)
                .as("membership changes (report in %s)", outcome.runDirectory())
                .hasAtLeastOneElementOfType(Fault.Join.class);
        assertThat(outcome.check().valid())
                .as("%s (report in %s)", outcome.check().summary(), outcome.runDirectory())
                .isEqualTo(Verdict.VALID);
        assertThat(outcome.history().pairs()).as("operations completed").hasSizeGreaterThan(20);
    }

    /**
     * The schedule is a pure function of the seed: the short campaign's seeds 1 (kill, partition) and 2
     * (pause) were chosen so that together they inject every kind, which this checks.
     */
    @AfterAll
    static void should_have_injected_partitions_kills_and_pauses() {
        if (MIXED_RUNS.get() < seeds().size()) {
            return; // only some seeds ran: the kinds are a property of all of them together
        }
        assertThat(FAULT_KINDS).containsExactlyInAnyOrder(Fault.Partition.class, Fault.Kill.class, Fault.Pause.class);
    }
}
