/**
 * The single source of time for RingKV: the {@link io.ringkv.time.Clock} interface with a monotonic
 * {@code nanoTime()} for timeouts, failure detection and scheduling and a {@code wallClockMillis()} used
 * only where a human-meaningful timestamp is stored. Only {@link io.ringkv.time.SystemClock} reads the
 * system; components take a clock as a dependency so tests and simulations can step a
 * {@link io.ringkv.time.ManualClock} instead of sleeping.
 */
package io.ringkv.time;
