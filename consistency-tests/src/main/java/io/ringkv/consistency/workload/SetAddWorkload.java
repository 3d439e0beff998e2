package io.ringkv.consistency.workload;

import io.ringkv.client.GetResult;
import io.ringkv.client.ReadOptions;
import io.ringkv.client.RingKvClient;
import io.ringkv.consistency.checker.SetCheckResult;
import io.ringkv.consistency.checker.SetChecker;
import io.ringkv.consistency.history.History;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Jepsen's set workload on one key: each {@code :add} reads the set, resolves its siblings, adds a
 * unique element and writes the result back with the read's causal context; one final {@code :read}
 * after the faults healed returns the whole set. With {@link SetMerge#UNION} no acknowledged add may be
 * lost; with {@link SetMerge#LAST_WRITE_WINS} concurrent adds are lost, which the checker reports.
 *
 * <p>Thread-safe: elements come from one shared counter.
 */
public final class SetAddWorkload implements Workload {

    private final SetMerge merge;
    private final ConsistencySettings consistency;
    private final String key;
    private final int finalReadReplicas;
    private final AtomicLong nextElement = new AtomicLong(1);

    /**
     * @param key the stored key holding the set
     * @param finalReadReplicas R of the final read (the replication factor, to see every replica)
     */
    public SetAddWorkload(SetMerge merge, ConsistencySettings consistency, String key, int finalReadReplicas) {
        this.merge = merge;
        this.consistency = consistency;
        this.key = key;
        this.finalReadReplicas = finalReadReplicas;
    }

    @Override
    public String name() {
        return merge == SetMerge.UNION ? "set" : "set-lww";
    }

    @Override
    public Invocation next(Random random) {
        return new Invocation(SetChecker.ADD, nextElement.getAndIncrement());
    }

    @Override
    public Completion apply(RingKvClient client, Invocation invocation) {
        if (invocation.f().equals(SetChecker.READ)) {
            return finalRead(client);
        }
        long element = (Long) invocation.value();
        GetResult current;
        try {
            current = client.blocking().get(key, consistency.readOptions());
        } catch (RuntimeException failure) {
            // Nothing was written yet: the add definitely did not happen.
            return Outcomes.failedRead(element, failure);
        }
        TreeSet<Long> elements = merge.merge(current.siblings());
        elements.add(element);
        try {
            client.blocking().put(key, SetMerge.encode(elements), current.context(), consistency.writeOptions());
            return Completion.ok(element);
        } catch (RuntimeException failure) {
            return Outcomes.failedWrite(element, failure);
        }
    }

    @Override
    public List<Invocation> finalOperations() {
        return List.of(new Invocation(SetChecker.READ, null));
    }

    @Override
    public List<String> storedKeys() {
        return List.of(key);
    }

    @Override
    public WorkloadCheck check(History history) {
        SetCheckResult result = new SetChecker().check(history);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("merge", merge.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        details.put("attempt-count", result.attemptCount());
        details.put("acknowledged-count", result.acknowledgedCount());
        details.put("lost-count", result.lostCount());
        details.put("unexpected-count", result.unexpectedCount());
        details.put("recovered-count", result.recoveredCount());
        details.put("lost", result.lost());
        details.put("unexpected", result.unexpected());
        return new WorkloadCheck(result.valid(), result.describe(), result, details);
    }

    /** Reads the whole set from every replica (R = N) and resolves the siblings with the same merge. */
    private Completion finalRead(RingKvClient client) {
        ReadOptions options = consistency.readOptions().withR(finalReadReplicas);
        try {
            GetResult result = client.blocking().get(key, options);
            return Completion.ok(merge.merge(result.siblings()));
        } catch (RuntimeException failure) {
            return Outcomes.failedRead(null, failure);
        }
    }
}
