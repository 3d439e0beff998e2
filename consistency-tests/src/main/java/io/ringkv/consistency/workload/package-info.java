/**
 * Workloads, after Jepsen's: what client processes do during a run and how the history is judged.
 * {@link io.ringkv.consistency.workload.RegisterWorkload} reads and writes unique integers on many
 * single-key registers under a chosen consistency mode and checks linearizability key by key;
 * {@link io.ringkv.consistency.workload.SetAddWorkload} adds unique elements to one set by
 * read-merge-write with the causal context and checks that no acknowledged add was lost (or, with
 * last-writer-wins merging, shows which were). Failures of the store become {@code :fail} or
 * {@code :info} completions ({@link io.ringkv.consistency.workload.Outcomes}).
 */
package io.ringkv.consistency.workload;
