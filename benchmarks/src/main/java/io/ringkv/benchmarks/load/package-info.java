/**
 * The cluster load generator: YCSB-style workloads (A 50/50 read/update, B 95/5, C read-only) with
 * uniform or zipfian keys, driven against a running cluster either through the SDK
 * ({@link io.ringkv.benchmarks.load.SdkKvDriver}) or through the raw Netty client of
 * {@code io.ringkv.benchmarks.load.raw} that sends the same frames, with a fixed number of requests in
 * flight or a number of closed-loop threads. Latencies go to HdrHistograms per operation; a progress line
 * is printed every second and a summary table (optionally JSON) at the end. {@link
 * io.ringkv.benchmarks.load.LoadMain} is the command line; {@code benchmarks/run-cluster.sh} runs the
 * figures of {@code docs/benchmarks.md}.
 */
package io.ringkv.benchmarks.load;
