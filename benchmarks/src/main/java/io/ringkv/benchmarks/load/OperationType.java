package io.ringkv.benchmarks.load;

/** The two operations of the YCSB core workloads this generator runs. */
public enum OperationType {
    /** A quorum read of one key (R replies). */
    READ,
    /** A write of a fresh value to one existing key (W acknowledgements). */
    UPDATE;

    /** Lower-case name used in tables and JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
