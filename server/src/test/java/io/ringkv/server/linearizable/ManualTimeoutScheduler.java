package io.ringkv.server.linearizable;

import io.ringkv.server.coordinator.TimeoutScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Captures timeouts instead of running them; a test fires them when it decides the deadline passed. */
final class ManualTimeoutScheduler implements TimeoutScheduler {

    private final List<Runnable> pending = new ArrayList<>();

    @Override
    public synchronized void schedule(Runnable task, long delay, TimeUnit unit) {
        pending.add(task);
    }

    /** Runs every captured timeout, as if every deadline had passed. */
    void fireAll() {
        List<Runnable> due;
        synchronized (this) {
            due = List.copyOf(pending);
            pending.clear();
        }
        due.forEach(Runnable::run);
    }

    synchronized int pendingCount() {
        return pending.size();
    }
}
