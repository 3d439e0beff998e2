package io.ringkv.consistency.checker;

/**
 * Whether a history is one register or many. Jepsen's "independent" workloads wrap every value in a
 * {@code [key value]} tuple (a compare-and-set becomes {@code [key [expected new]]}); linearizability
 * is compositional, so such a history is linearizable if and only if each key's sub-history is, and
 * checking keys apart is exponentially cheaper.
 */
public enum KeySplitting {
    /**
     * Per key when every client invocation's value is a two-element tuple (and every {@code :cas}
     * tuple holds an {@code [expected new]} pair), otherwise a single register.
     */
    AUTO,
    /** The whole history is one register; tuples are register values. */
    SINGLE,
    /** Every value must be a {@code [key value]} tuple; each key is checked alone. */
    PER_KEY
}
