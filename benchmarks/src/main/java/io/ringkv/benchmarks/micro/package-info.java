/**
 * JMH micro-benchmarks of the hot paths under a replica write: the wire codec
 * ({@link io.ringkv.benchmarks.micro.CodecBenchmark}), the causality operations
 * ({@link io.ringkv.benchmarks.micro.CausalityBenchmark}) and the storage engines under each sync policy
 * ({@link io.ringkv.benchmarks.micro.StorageBenchmark}). Every benchmark method returns its result so JMH
 * consumes it (no dead-code elimination) and so the smoke tests can call the same method once and check
 * the answer. Build with {@code mvn package}, run with {@code benchmarks/run-micro.sh}; figures and
 * method are in {@code docs/benchmarks.md}.
 */
package io.ringkv.benchmarks.micro;
