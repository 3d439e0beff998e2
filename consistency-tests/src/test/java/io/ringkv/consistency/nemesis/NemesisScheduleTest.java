package io.ringkv.consistency.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NemesisScheduleTest {

    private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");
    private static final ScheduleTiming TIMING = ScheduleTiming.DEFAULT;

    @Test
    void should_plan_the_same_faults_for_the_same_seed() {
        for (NemesisKind kind : NemesisKind.values()) {
            NemesisSchedule first = NemesisSchedule.generate(kind, NODES, 60_000, TIMING, 42);
            NemesisSchedule second =
                    NemesisSchedule.generate(kind, List.of("n5", "n3", "n1", "n2", "n4"), 60_000, TIMING, 42);

            assertThat(second).as("schedule of %s", kind).isEqualTo(first);
        }
    }

    @Test
    void should_deal_every_fault_kind_once_in_each_three_mixed_windows() {
        for (long seed = 0; seed < 50; seed++) {
            List<FaultWindow> windows = NemesisSchedule.generate(NemesisKind.MIXED, NODES, 120_000, TIMING, seed)
                    .windows();
            assertThat(windows).as("seed %d", seed).hasSizeGreaterThanOrEqualTo(3);
            for (int from = 0; from + 3 <= windows.size(); from += 3) {
                Set<Class<?>> kinds = new HashSet<>();
                windows.subList(from, from + 3)
                        .forEach(window -> kinds.add(window.fault().getClass()));
                assertThat(kinds)
                        .as("seed %d, windows %d..%d", seed, from, from + 2)
                        .containsExactlyInAnyOrder(Fault.Partition.class, Fault.Kill.class, Fault.Pause.class);
            }
        }
    }

    @Test
    void should_give_each_membership_window_a_joiner_no_node_has_been() {
        List<FaultWindow> windows = NemesisSchedule.generate(NemesisKind.MEMBERSHIP, NODES, 60_000, TIMING, 3)
                .windows();

        assertThat(windows).hasSizeGreaterThanOrEqualTo(3);
        assertThat(windows)
                .extracting(FaultWindow::fault)
                .containsExactlyElementsOf(IntStream.range(0, windows.size())
                        .mapToObj(window -> new Fault.Join("n" + (NODES.size() + 1 + window)))
                        .toList());
    }

    @Test
    void should_plan_different_faults_for_different_seeds() {
        NemesisSchedule first = NemesisSchedule.generate(NemesisKind.MIXED, NODES, 60_000, TIMING, 1);
        NemesisSchedule second = NemesisSchedule.generate(NemesisKind.MIXED, NODES, 60_000, TIMING, 2);

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void should_keep_faults_apart_and_inside_the_run() {
        for (long seed = 0; seed < 50; seed++) {
            NemesisSchedule schedule = NemesisSchedule.generate(NemesisKind.MIXED, NODES, 30_000, TIMING, seed);

            assertThat(schedule.windows()).as("seed %d", seed).isNotEmpty();
            FaultWindow previous = null;
            for (FaultWindow window : schedule.windows()) {
                assertThat(window.startMillis()).isGreaterThanOrEqualTo(TIMING.initialQuietMillis());
                assertThat(window.endMillis()).isLessThanOrEqualTo(30_000);
                assertThat(window.endMillis() - window.startMillis())
                        .isBetween(TIMING.minFaultMillis(), TIMING.maxFaultMillis());
                if (previous != null) {
                    assertThat(window.startMillis() - previous.endMillis())
                            .isGreaterThanOrEqualTo(TIMING.minQuietMillis());
                }
                previous = window;
            }
        }
    }

    @Test
    void should_kill_and_pause_only_a_minority() {
        for (long seed = 0; seed < 50; seed++) {
            for (FaultWindow window : NemesisSchedule.generate(NemesisKind.MIXED, NODES, 30_000, TIMING, seed)
                    .windows()) {
                if (window.fault() instanceof Fault.Kill kill) {
                    assertThat(kill.nodes()).hasSizeBetween(1, 2).isSubsetOf(NODES);
                } else if (window.fault() instanceof Fault.Pause pause) {
                    assertThat(pause.nodes()).hasSizeBetween(1, 2).isSubsetOf(NODES);
                }
            }
        }
    }

    @Test
    void should_use_only_the_chosen_kind_of_fault() {
        assertThat(NemesisSchedule.generate(NemesisKind.PARTITION, NODES, 30_000, TIMING, 9)
                        .windows())
                .allSatisfy(window -> assertThat(window.fault()).isInstanceOf(Fault.Partition.class));
        assertThat(NemesisSchedule.generate(NemesisKind.KILL, NODES, 30_000, TIMING, 9)
                        .windows())
                .allSatisfy(window -> assertThat(window.fault()).isInstanceOf(Fault.Kill.class));
        assertThat(NemesisSchedule.generate(NemesisKind.NONE, NODES, 30_000, TIMING, 9)
                        .windows())
                .isEmpty();
    }
}
