package io.ringkv.client.testing;

import io.ringkv.client.internal.timer.Cancellable;
import io.ringkv.client.internal.timer.Scheduler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link Scheduler} that runs tasks only when the test advances its time; single-threaded use. */
public final class ManualScheduler implements Scheduler {

    private final List<Task> tasks = new ArrayList<>();
    private long nowNanos;
    private long sequence;

    @Override
    public Cancellable schedule(Runnable runnable, long delayNanos) {
        Task task = new Task(nowNanos + Math.max(0, delayNanos), sequence++, runnable);
        tasks.add(task);
        return () -> tasks.remove(task);
    }

    /** Moves time forward, running every task that falls due, in due order. */
    public void advanceNanos(long deltaNanos) {
        long target = nowNanos + deltaNanos;
        while (true) {
            Task next = tasks.stream()
                    .filter(task -> task.dueNanos <= target)
                    .min(Comparator.comparingLong((Task task) -> task.dueNanos)
                            .thenComparingLong(task -> task.sequence))
                    .orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            nowNanos = next.dueNanos;
            next.runnable.run();
        }
        nowNanos = target;
    }

    public int pendingTasks() {
        return tasks.size();
    }

    private record Task(long dueNanos, long sequence, Runnable runnable) {}
}
