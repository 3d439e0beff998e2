/**
 * Scale by simulation: a discrete-event simulator in virtual time that drives the real gossiper, failure
 * detector, partition assigner and wire mapping for thousands of simulated nodes in one thread, plus a
 * Merkle exchange simulator and the {@link io.ringkv.benchmarks.sim.ScaleSimulationMain} report that writes
 * {@code docs/scaling.md}'s tables and plots.
 */
package io.ringkv.benchmarks.sim;
