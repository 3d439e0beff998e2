/**
 * Runs consistency tests end to end: {@link io.ringkv.consistency.runner.RunMain} is the command line,
 * {@link io.ringkv.consistency.runner.TestRun} starts the cluster, runs client threads (each with its
 * own process ids, client and local address) while the nemesis plays its schedule, heals, runs the
 * final operations and the convergence check, stops everything and hands the history and verdicts to
 * the report writer.
 */
package io.ringkv.consistency.runner;
