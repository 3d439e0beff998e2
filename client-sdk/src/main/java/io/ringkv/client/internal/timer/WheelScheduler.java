package io.ringkv.client.internal.timer;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The client's {@link Scheduler}: one Netty {@link HashedWheelTimer} (thousands of pending timeouts cost
 * one thread) whose worker only hands each due task to {@code executor} (the I/O event loops). After
 * {@link #close()}, a task is run at once instead of being dropped. Tasks
 * complete user futures and so may run user callbacks; running them on the event loops keeps a slow
 * callback from delaying every other timeout in the wheel.
 */
public final class WheelScheduler implements Scheduler, AutoCloseable {

    /** Timeouts are a few milliseconds at the least; a finer tick would only wake the worker more often. */
    private static final long TICK_MILLIS = 2;

    private static final int TICKS_PER_WHEEL = 1024;

    private final HashedWheelTimer timer;
    private final Executor executor;

    public WheelScheduler(Executor executor) {
        this.executor = executor;
        this.timer = new HashedWheelTimer(
                new DefaultThreadFactory("ringkv-timer", true),
                TICK_MILLIS,
                TimeUnit.MILLISECONDS,
                TICKS_PER_WHEEL,
                false);
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        Timeout timeout;
        try {
            timeout = timer.newTimeout(new Task(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (IllegalStateException stopped) {
            // The client has closed. Every task here ends something (fails a call, retries an update
            // that will then see the closed client), so running it now leaves no future pending.
            task.run();
            return Cancellable.NONE;
        }
        return timeout::cancel;
    }

    /** The wheel's task: hands the runnable to the executor when due. */
    private final class Task implements TimerTask {
        final Runnable runnable;

        Task(Runnable runnable) {
            this.runnable = runnable;
        }

        @Override
        public void run(Timeout timeout) {
            try {
                executor.execute(runnable);
            } catch (RejectedExecutionException shutDown) {
                // Event loops are gone (client closed): run it here so that no future is left pending.
                runnable.run();
            }
        }
    }

    /**
     * Stops the timer and runs the tasks still pending: each of them ends something (a timeout, a
     * retry that will find the client closed), and dropping it could leave a future pending forever.
     */
    @Override
    public void close() {
        for (Timeout pending : timer.stop()) {
            ((Task) pending.task()).runnable.run();
        }
    }
}
