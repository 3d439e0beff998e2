package io.ringkv.benchmarks.load;

/**
 * How many requests run at once: a fixed number in flight issued by one thread (each completion lets
 * the next request go), or a number of threads each waiting for its request before sending the next
 * (closed loop). Either way the offered load adapts to the cluster's speed, so latencies are not
 * inflated by a queue building up in the generator.
 *
 * @param inFlight requests outstanding at any time; used when {@code threads} is 0
 * @param threads closed-loop threads, or 0 to use {@code inFlight}
 */
public record Concurrency(int inFlight, int threads) {

    public Concurrency {
        if (threads < 0 || inFlight < 0 || (threads == 0 && inFlight == 0)) {
            throw new IllegalArgumentException(
                    "need a positive number of requests in flight or of threads, was " + inFlight + "/" + threads);
        }
    }

    public static Concurrency inFlight(int requests) {
        return new Concurrency(requests, 0);
    }

    public static Concurrency threads(int count) {
        return new Concurrency(0, count);
    }

    public boolean closedLoopThreads() {
        return threads > 0;
    }

    /** The number of requests outstanding at most. */
    public int parallelism() {
        return closedLoopThreads() ? threads : inFlight;
    }

    @Override
    public String toString() {
        return closedLoopThreads() ? threads + " threads" : inFlight + " in flight";
    }
}
