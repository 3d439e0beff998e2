package io.ringkv.benchmarks.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualTimeSchedulerTest {

    @Test
    void should_run_events_in_time_order_and_same_instant_events_in_scheduling_order() {
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler();
        List<String> order = new ArrayList<>();
        scheduler.schedule(30, () -> order.add("c@" + scheduler.nowNanos()));
        scheduler.schedule(10, () -> order.add("a@" + scheduler.nowNanos()));
        scheduler.schedule(10, () -> order.add("b@" + scheduler.nowNanos()));

        scheduler.runFor(100);

        assertThat(order).containsExactly("a@10", "b@10", "c@30");
        assertThat(scheduler.nowNanos()).isEqualTo(100);
        assertThat(scheduler.eventsRun()).isEqualTo(3);
    }

    @Test
    void should_leave_later_events_queued_and_run_events_scheduled_by_events() {
        VirtualTimeScheduler scheduler = new VirtualTimeScheduler();
        List<Long> times = new ArrayList<>();
        scheduler.schedule(5, () -> {
            times.add(scheduler.nowNanos());
            scheduler.schedule(5, () -> times.add(scheduler.nowNanos()));
        });
        scheduler.schedule(50, () -> times.add(scheduler.nowNanos()));

        scheduler.runFor(20);
        assertThat(times).containsExactly(5L, 10L);

        scheduler.runFor(40);
        assertThat(times).containsExactly(5L, 10L, 50L);
        assertThat(scheduler.clock().nanoTime()).isEqualTo(60);
    }

    @Test
    void should_refuse_events_in_the_past() {
        assertThatThrownBy(() -> new VirtualTimeScheduler().schedule(-1, () -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
