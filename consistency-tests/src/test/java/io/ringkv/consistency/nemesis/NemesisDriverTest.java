package io.ringkv.consistency.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.HistoryRecorder;
import io.ringkv.consistency.history.Op;
import io.ringkv.consistency.history.OpType;
import io.ringkv.consistency.history.ProcessId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NemesisDriverTest {

    private final CapturingFaultActions actions = new CapturingFaultActions();
    private final HistoryRecorder recorder = HistoryRecorder.systemClock();

    @Test
    void should_inject_and_heal_every_fault_in_order_and_record_it() {
        Fault kill = new Fault.Kill(List.of("n2"));
        Fault pause = new Fault.Pause(List.of("n4"));
        NemesisSchedule schedule =
                new NemesisSchedule(List.of(new FaultWindow(0, 50, kill), new FaultWindow(60, 110, pause)));
        NemesisDriver driver = new NemesisDriver(schedule, actions, recorder);

        driver.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> driver.applied().size() == 2);
        driver.stop();

        assertThat(actions.calls)
                .containsExactly("inject kill [n2]", "heal kill [n2]", "inject pause [n4]", "heal pause [n4]");
        History history = recorder.history();
        assertThat(history.ops()).allSatisfy(op -> assertThat(op.process()).isEqualTo(ProcessId.NEMESIS));
        assertThat(history.ops().stream().map(op -> op.type() + " " + op.f()).toList())
                .containsExactly(
                        "INVOKE kill",
                        "INFO kill",
                        "INVOKE restart",
                        "INFO restart",
                        "INVOKE pause",
                        "INFO pause",
                        "INVOKE resume",
                        "INFO resume");
        List<AppliedFault> applied = driver.applied();
        assertThat(applied.get(0).endNanos()).isLessThanOrEqualTo(applied.get(1).startNanos());
        assertThat(applied.get(1).label()).isEqualTo("pause [n4]");
        assertThat(driver.failure()).isNull();
    }

    @Test
    void should_heal_the_current_fault_when_stopped_early() {
        Fault pause = new Fault.Pause(List.of("n1"));
        NemesisSchedule schedule = new NemesisSchedule(List.of(
                new FaultWindow(0, 60_000, pause), new FaultWindow(70_000, 80_000, new Fault.Kill(List.of("n3")))));
        NemesisDriver driver = new NemesisDriver(schedule, actions, recorder);

        driver.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> actions.calls.contains("inject pause [n1]"));
        driver.stop();

        assertThat(actions.calls).containsExactly("inject pause [n1]", "heal pause [n1]");
        assertThat(driver.applied()).hasSize(1);
    }

    @Test
    void should_heal_and_stop_when_a_fault_cannot_be_injected() {
        actions.failOnInject = true;
        Fault kill = new Fault.Kill(List.of("n5"));
        NemesisSchedule schedule = new NemesisSchedule(
                List.of(new FaultWindow(0, 10, kill), new FaultWindow(20, 30, new Fault.Kill(List.of("n4")))));
        NemesisDriver driver = new NemesisDriver(schedule, actions, recorder);

        driver.start();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> driver.failure() != null && !driver.applied().isEmpty());
        driver.stop();

        assertThat(actions.calls).containsExactly("inject kill [n5]", "heal kill [n5]");
        assertThat(driver.failure()).hasMessageContaining("refused");
        List<Op> infos = recorder.history().ops().stream()
                .filter(op -> op.type() == OpType.INFO)
                .toList();
        assertThat(infos).extracting(Op::f).containsExactly("restart");
    }

    @Test
    void should_still_play_every_window_when_a_heal_runs_past_the_plan() {
        // The first heal takes 10 s on the recorder's clock, far past the second window's planned start:
        // the rest of the schedule shifts instead of being dropped, and awaitPlayed sees it through.
        AtomicLong nanos = new AtomicLong();
        HistoryRecorder slowRecorder = new HistoryRecorder(nanos::get);
        actions.onHeal = () -> nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        NemesisSchedule schedule = new NemesisSchedule(List.of(
                new FaultWindow(0, 10, new Fault.Kill(List.of("n2"))),
                new FaultWindow(20, 30, new Fault.Pause(List.of("n3")))));
        NemesisDriver driver = new NemesisDriver(schedule, actions, slowRecorder);

        driver.start();

        assertThat(driver.awaitPlayed(Duration.ofSeconds(5)))
                .as("schedule played")
                .isTrue();
        assertThat(actions.calls)
                .containsExactly("inject kill [n2]", "heal kill [n2]", "inject pause [n3]", "heal pause [n3]");
        List<AppliedFault> applied = driver.applied();
        assertThat(applied.get(1).startNanos())
                .as("the pause starts after the late heal")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(10).toNanos());
        driver.stop();
        assertThat(driver.failure()).isNull();
    }

    /** Records what the driver asked for. */
    private static final class CapturingFaultActions implements FaultActions {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        volatile boolean failOnInject;
        volatile Runnable onHeal = () -> {};

        @Override
        public void inject(Fault fault) {
            calls.add("inject " + fault.describe());
            if (failOnInject) {
                throw new IllegalStateException("refused " + fault.describe());
            }
        }

        @Override
        public void heal(Fault fault) {
            calls.add("heal " + fault.describe());
            onHeal.run();
        }
    }
}
