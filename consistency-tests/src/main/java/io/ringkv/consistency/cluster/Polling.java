package io.ringkv.consistency.cluster;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition on real processes by checking it at a fixed interval. The harness has no way to
 * be told when a node has started or gossip has converged, so it asks until the answer is yes or time
 * runs out.
 */
public final class Polling {

    private Polling() {}

    /**
     * Returns once {@code condition} holds.
     *
     * @throws IllegalStateException naming {@code what} when it still does not hold after {@code timeout}
     */
    public static void await(String what, Duration timeout, Duration interval, BooleanSupplier condition) {
        if (!poll(timeout, interval, condition)) {
            throw new IllegalStateException("timed out after " + timeout.toMillis() + " ms waiting until " + what);
        }
    }

    /** True once {@code condition} holds; false when it still does not after {@code timeout}. */
    public static boolean poll(Duration timeout, Duration interval, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            pause(interval);
        }
    }

    /** Sleeps, keeping the interrupt flag when interrupted. */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", interrupted);
        }
    }
}
