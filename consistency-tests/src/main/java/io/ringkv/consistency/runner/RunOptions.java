package io.ringkv.consistency.runner;

import io.ringkv.consistency.nemesis.NemesisKind;
import io.ringkv.consistency.nemesis.Partitioners;
import io.ringkv.consistency.nemesis.ScheduleTiming;
import io.ringkv.consistency.workload.ConsistencySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one run needs.
 *
 * @param testName names the run's folder and report
 * @param workload what the clients do
 * @param nemesis which faults are injected
 * @param consistency the consistency the operations ask for
 * @param nodeCount how many node processes
 * @param duration how long clients run (faults all fall inside it)
 * @param seed every random choice of the run (schedule, operations) derives from it
 * @param outDirectory the run's folder: report, history, node data and logs go here
 * @param serverJar the runnable server jar
 * @param concurrency client threads, each with its own process ids and local address
 * @param keyCount registers of the register workload
 * @param partitioner how partitions are made
 * @param timing fault and quiet lengths
 * @param thinkTime pause of each client between two operations
 * @param convergenceTimeout how long after healing replicas get to agree
 * @param expectAnomaly true when the run exists to show that the checker finds a violation: then an
 *     invalid history is the expected outcome, reported as such, and a valid one is the failure
 */
public record RunOptions(
        String testName,
        WorkloadKind workload,
        NemesisKind nemesis,
        ConsistencySettings consistency,
        int nodeCount,
        Duration duration,
        long seed,
        Path outDirectory,
        Path serverJar,
        int concurrency,
        int keyCount,
        Partitioners.Choice partitioner,
        ScheduleTiming timing,
        Duration thinkTime,
        Duration convergenceTimeout,
        boolean expectAnomaly) {

    public RunOptions {
        Objects.requireNonNull(testName, "testName");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(nemesis, "nemesis");
        Objects.requireNonNull(consistency, "consistency");
        if (nodeCount < 1) {
            throw new IllegalArgumentException("nodeCount must be at least 1, was " + nodeCount);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, was " + duration);
        }
        Objects.requireNonNull(outDirectory, "outDirectory");
        Objects.requireNonNull(serverJar, "serverJar");
        if (concurrency < 1 || concurrency > 250) {
            throw new IllegalArgumentException("concurrency must be within 1..250, was " + concurrency);
        }
        if (keyCount < 1) {
            throw new IllegalArgumentException("keyCount must be at least 1, was " + keyCount);
        }
        Objects.requireNonNull(partitioner, "partitioner");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(thinkTime, "thinkTime");
        Objects.requireNonNull(convergenceTimeout, "convergenceTimeout");
    }
}
