package io.ringkv.server.antientropy;

/**
 * Waits on behalf of the {@link IoBudget}. Production sleeps; tests advance a manual clock instead, so
 * throttling is checked without real time passing.
 */
@FunctionalInterface
public interface Pauser {

    /** Sleeps the current thread. */
    Pauser SLEEP = nanos -> {
        long millis = nanos / 1_000_000;
        Thread.sleep(millis, (int) (nanos % 1_000_000));
    };

    void pauseNanos(long nanos) throws InterruptedException;
}
