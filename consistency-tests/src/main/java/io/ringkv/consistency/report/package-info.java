/**
 * Reports of consistency runs. {@link io.ringkv.consistency.report.RunReportWriter} turns a finished
 * run ({@link io.ringkv.consistency.report.RunSummary}: history, fault intervals, checker results) into
 * a folder a person can read in a browser: the history in Jepsen's EDN format, the results as EDN and
 * JSON, an HTML timeline of operations per process, latency-over-time plots with the faults shaded,
 * and availability inside and outside the faults. The computations (timed operations, availability,
 * latency series and percentiles) are pure functions of the history, kept apart from the renderers so
 * that each can be tested on hand-made histories.
 */
package io.ringkv.consistency.report;
