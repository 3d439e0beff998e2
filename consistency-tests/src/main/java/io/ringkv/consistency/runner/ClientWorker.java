package io.ringkv.consistency.runner;

import io.ringkv.client.RingKvClient;
import io.ringkv.consistency.history.HistoryRecorder;
import io.ringkv.consistency.workload.Completion;
import io.ringkv.consistency.workload.Invocation;
import io.ringkv.consistency.workload.Workload;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One client thread: invokes the workload's operations one at a time through its own client, records
 * each invocation and completion, and moves to a fresh process id after an indeterminate one.
 */
final class ClientWorker implements Runnable {

    private final RingKvClient client;
    private final Workload workload;
    private final HistoryRecorder recorder;
    private final ProcessIds processIds;
    private final Random random;
    private final Duration thinkTime;
    private final CountDownLatch stop;
    private long process;
    private long operations;

    ClientWorker(
            int index,
            RingKvClient client,
            Workload workload,
            HistoryRecorder recorder,
            ProcessIds processIds,
            long seed,
            Duration thinkTime,
            CountDownLatch stop) {
        this.process = index;
        this.client = client;
        this.workload = workload;
        this.recorder = recorder;
        this.processIds = processIds;
        this.random = new Random(seed);
        this.thinkTime = thinkTime;
        this.stop = stop;
    }

    @Override
    public void run() {
        while (stop.getCount() > 0) {
            perform(workload.next(random));
            if (pause()) {
                return;
            }
        }
    }

    /** Runs one operation as this worker's current process; returns how it ended. */
    Completion perform(Invocation invocation) {
        recorder.invoke(process, invocation.f(), invocation.value());
        Completion completion = workload.apply(client, invocation);
        recorder.complete(process, completion.type(), invocation.f(), completion.value(), completion.error());
        operations++;
        if (completion.indeterminate()) {
            process = processIds.fresh();
        }
        return completion;
    }

    long operations() {
        return operations;
    }

    /** Waits the think time; true when told to stop meanwhile. */
    private boolean pause() {
        try {
            return stop.await(thinkTime.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
