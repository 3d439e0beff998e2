package io.ringkv.consistency.runner;

import io.ringkv.consistency.workload.ConsistencySettings;
import io.ringkv.consistency.workload.RegisterWorkload;
import io.ringkv.consistency.workload.SetAddWorkload;
import io.ringkv.consistency.workload.SetMerge;
import io.ringkv.consistency.workload.Workload;
import java.util.Locale;

/** The workloads the runner knows by name. */
public enum WorkloadKind {
    /** Single-key registers over many keys, checked for linearizability. */
    REGISTER,
    /** Set-add by read, union of siblings, write with the context: no acknowledged add may be lost. */
    SET,
    /** The same with last-writer-wins merging, which loses concurrent adds. */
    SET_LWW;

    /** Parses {@code register}, {@code set}, {@code set-lww}. */
    public static WorkloadKind parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String keywordName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * A fresh workload of this kind.
     *
     * @param keyCount registers of the register workload (the set workloads use one key)
     * @param replicationFactor N, for reads that must see every replica
     */
    public Workload create(ConsistencySettings consistency, int keyCount, int replicationFactor) {
        return switch (this) {
            case REGISTER -> new RegisterWorkload(keyCount, consistency, "register-");
            case SET -> new SetAddWorkload(SetMerge.UNION, consistency, "set", replicationFactor);
            case SET_LWW -> new SetAddWorkload(SetMerge.LAST_WRITE_WINS, consistency, "set-lww", replicationFactor);
        };
    }
}
