package io.ringkv.consistency.nemesis;

import io.ringkv.consistency.history.HistoryRecorder;
import io.ringkv.consistency.history.OpType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a {@link NemesisSchedule} in real time on its own thread, as Jepsen's nemesis process does:
 * each fault is recorded in the history as {@code :invoke} then {@code :info} on the {@code :nemesis}
 * process, with the fault's description as value, both when it is injected and when it is healed.
 *
 * <p>A schedule's times are a plan, not a promise: a heal can take longer than planned (a restarted
 * node JVM starts slowly on a busy machine). The driver then shifts the rest of the schedule by the delay,
 * keeping every calm gap and fault length as planned, so a slow heal never swallows the next window; the
 * run waits for the schedule with {@link #awaitPlayed}.
 *
 * <p>{@link #stop()} ends the schedule early and heals the fault in place, if any; it always returns
 * with the cluster healed as far as the fault actions could heal it. A fault that cannot be injected or
 * healed ends the schedule; the error is kept for {@link #failure()}.
 */
public final class NemesisDriver {

    private static final Logger LOG = LoggerFactory.getLogger(NemesisDriver.class);

    private final NemesisSchedule schedule;
    private final FaultActions actions;
    private final HistoryRecorder recorder;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch played = new CountDownLatch(1);
    private final List<AppliedFault> applied = new ArrayList<>();
    private final Thread thread;
    private volatile RuntimeException failure;
    private long originNanos;
    /** How far behind its plan the schedule runs: the delays of the slow heals so far. */
    private long delayMillis;

    public NemesisDriver(NemesisSchedule schedule, FaultActions actions, HistoryRecorder recorder) {
        this.schedule = schedule;
        this.actions = actions;
        this.recorder = recorder;
        this.thread = new Thread(this::run, "ringkv-nemesis");
        this.thread.setDaemon(true);
    }

    /** Starts playing the schedule; its times count from now. */
    public void start() {
        originNanos = recorder.elapsedNanos();
        thread.start();
    }

    /** Stops the schedule, heals the current fault and waits for the nemesis thread to finish. */
    public void stop() {
        stopRequested.countDown();
        try {
            thread.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the nemesis healed", interrupted);
        }
    }

    /**
     * Waits until every window of the schedule has been injected and healed (or the schedule ended on a
     * failure or a stop).
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitPlayed(Duration timeout) {
        try {
            return played.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The faults injected so far, in order; complete after {@link #stop()}. */
    public synchronized List<AppliedFault> applied() {
        return List.copyOf(applied);
    }

    /** Why the schedule ended early, when a fault could not be injected or healed. */
    public RuntimeException failure() {
        return failure;
    }

    private void run() {
        try {
            play();
        } finally {
            played.countDown();
        }
    }

    private void play() {
        for (FaultWindow window : schedule.windows()) {
            if (waitUntil(window.startMillis() + delayMillis)) {
                return;
            }
            Fault fault = window.fault();
            long startNanos = recorder.elapsedNanos();
            try {
                recorder.nemesis(OpType.INVOKE, fault.startFunction(), fault.ednValue());
                LOG.info("nemesis: {}", fault.describe());
                actions.inject(fault);
                recorder.nemesis(OpType.INFO, fault.startFunction(), fault.ednValue());
                waitUntil(window.endMillis() + delayMillis);
            } catch (RuntimeException injectFailure) {
                failure = injectFailure;
                LOG.error("nemesis could not inject {}: {}", fault.describe(), injectFailure.getMessage());
            } finally {
                heal(fault, startNanos);
            }
            long lateMillis = TimeUnit.NANOSECONDS.toMillis(recorder.elapsedNanos() - originNanos)
                    - (window.endMillis() + delayMillis);
            if (lateMillis > 0) {
                delayMillis += lateMillis;
                LOG.info(
                        "nemesis: {} ran {} ms past its window; the rest of the schedule shifts",
                        fault.describe(),
                        lateMillis);
            }
            if (failure != null) {
                return;
            }
        }
    }

    private void heal(Fault fault, long startNanos) {
        try {
            recorder.nemesis(OpType.INVOKE, fault.stopFunction(), fault.ednValue());
            actions.heal(fault);
            recorder.nemesis(OpType.INFO, fault.stopFunction(), fault.ednValue());
            LOG.info("nemesis healed: {}", fault.describe());
        } catch (RuntimeException healFailure) {
            if (failure == null) {
                failure = healFailure;
            }
            LOG.error("nemesis could not heal {}: {}", fault.describe(), healFailure.getMessage());
        }
        synchronized (this) {
            applied.add(new AppliedFault(fault, startNanos, recorder.elapsedNanos()));
        }
    }

    /** Waits until {@code offsetMillis} after the start; true when a stop was requested first. */
    private boolean waitUntil(long offsetMillis) {
        long remainingNanos = originNanos + TimeUnit.MILLISECONDS.toNanos(offsetMillis) - recorder.elapsedNanos();
        try {
            return remainingNanos > 0
                    ? stopRequested.await(remainingNanos, TimeUnit.NANOSECONDS)
                    : stopRequested.getCount() == 0;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
