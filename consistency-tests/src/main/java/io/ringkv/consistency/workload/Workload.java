package io.ringkv.consistency.workload;

import io.ringkv.client.RingKvClient;
import io.ringkv.consistency.history.History;
import java.util.List;
import java.util.Random;

/**
 * What clients do during a run and how the result is judged (Jepsen's workload: a generator, a client
 * and a checker). Worker threads call {@link #next} and {@link #apply} concurrently, each with its own
 * {@link Random} and its own client; implementations keep shared state thread-safe.
 */
public interface Workload {

    /** The workload's name for reports: {@code register}, {@code set}, {@code set-lww}. */
    String name();

    /** The next operation a client process invokes. */
    Invocation next(Random random);

    /**
     * Performs {@code invocation} through {@code client} and says how it ended. Never throws for a
     * failure of the store: that is a {@code :fail} or {@code :info} completion.
     */
    Completion apply(RingKvClient client, Invocation invocation);

    /**
     * Operations run once after the faults healed and the cluster went quiet (for instance the final
     * read of a set); empty when the workload needs none.
     */
    List<Invocation> finalOperations();

    /** The keys the workload touched, as stored, for the convergence check. */
    List<String> storedKeys();

    /** Judges the history of a run. */
    WorkloadCheck check(History history);
}
