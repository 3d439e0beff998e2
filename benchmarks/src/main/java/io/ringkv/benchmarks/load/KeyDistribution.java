package io.ringkv.benchmarks.load;

/** How the keys an operation touches are spread over the key space. */
public enum KeyDistribution {
    /** Every key equally likely. */
    UNIFORM,
    /** A few keys are hot: key rank i is chosen with probability proportional to 1 / i^0.99 (YCSB's default). */
    ZIPFIAN
}
