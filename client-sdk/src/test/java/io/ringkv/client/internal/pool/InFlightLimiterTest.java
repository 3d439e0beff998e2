package io.ringkv.client.internal.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.config.BackpressureMode;
import io.ringkv.client.internal.channel.CallFailedException;
import io.ringkv.client.internal.channel.CallFailure;
import io.ringkv.client.internal.channel.PendingCall;
import io.ringkv.client.testing.ManualScheduler;
import io.ringkv.protocol.message.PingRequest;
import io.ringkv.protocol.message.TraceContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InFlightLimiterTest {

    private static final long WAIT_NANOS = 1_000_000;

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<PendingCall> dispatched = new ArrayList<>();

    private InFlightLimiter limiter(BackpressureMode mode, int maxInFlight, int maxQueued) {
        return new InFlightLimiter("n1", maxInFlight, mode, maxQueued, WAIT_NANOS, scheduler, dispatched::add);
    }

    @Test
    void should_dispatch_up_to_the_bound_then_refuse_in_fail_fast_mode() {
        InFlightLimiter limiter = limiter(BackpressureMode.FAIL_FAST, 2, 10);
        PendingCall first = call();
        PendingCall second = call();
        PendingCall third = call();

        limiter.submit(first);
        limiter.submit(second);
        limiter.submit(third);

        assertThat(dispatched).containsExactly(first, second);
        assertThat(failure(third)).isEqualTo(CallFailure.SATURATED);
        assertThat(third.mayHaveReachedServer()).isFalse();
        assertThat(limiter.inFlight()).isEqualTo(2);
    }

    @Test
    void should_release_the_slot_however_the_call_ends() {
        InFlightLimiter limiter = limiter(BackpressureMode.FAIL_FAST, 1, 0);
        PendingCall first = call();
        limiter.submit(first);

        first.cancel();
        PendingCall second = call();
        limiter.submit(second);

        assertThat(dispatched).containsExactly(first, second);
        assertThat(limiter.inFlight()).isEqualTo(1);
    }

    @Test
    void should_hand_a_freed_slot_to_the_oldest_waiter_in_wait_mode() {
        InFlightLimiter limiter = limiter(BackpressureMode.WAIT, 1, 2);
        PendingCall holder = call();
        PendingCall firstWaiter = call();
        PendingCall secondWaiter = call();
        PendingCall refused = call();
        limiter.submit(holder);
        limiter.submit(firstWaiter);
        limiter.submit(secondWaiter);
        limiter.submit(refused);

        assertThat(limiter.queued()).isEqualTo(2);
        assertThat(failure(refused)).as("queue full").isEqualTo(CallFailure.SATURATED);

        holder.cancel();

        assertThat(dispatched).containsExactly(holder, firstWaiter);
        assertThat(limiter.queued()).isEqualTo(1);
        assertThat(limiter.inFlight()).isEqualTo(1);
    }

    @Test
    void should_refuse_a_waiter_after_the_maximum_wait_and_skip_it_later() {
        InFlightLimiter limiter = limiter(BackpressureMode.WAIT, 1, 2);
        PendingCall holder = call();
        PendingCall waiter = call();
        limiter.submit(holder);
        limiter.submit(waiter);

        scheduler.advanceNanos(WAIT_NANOS);

        assertThat(failure(waiter)).isEqualTo(CallFailure.SATURATED);
        assertThat(limiter.queued()).isZero();
        holder.cancel();
        assertThat(limiter.inFlight()).isZero();
        assertThat(scheduler.pendingTasks()).isZero();
    }

    @Test
    void should_fail_waiters_and_refuse_new_calls_once_closed() {
        InFlightLimiter limiter = limiter(BackpressureMode.WAIT, 1, 2);
        limiter.submit(call());
        PendingCall waiter = call();
        limiter.submit(waiter);

        limiter.close(CallFailure.CLIENT_CLOSED);
        PendingCall late = call();
        limiter.submit(late);

        assertThat(failure(waiter)).isEqualTo(CallFailure.CLIENT_CLOSED);
        assertThat(failure(late)).isEqualTo(CallFailure.CLIENT_CLOSED);
    }

    private static PendingCall call() {
        return new PendingCall(PingRequest.INSTANCE, 0, TraceContext.EMPTY);
    }

    private static CallFailure failure(PendingCall call) {
        assertThat(call.future()).isCompletedExceptionally();
        return call.future()
                .handle((ok, error) -> ((CallFailedException) error).failure())
                .join();
    }
}
