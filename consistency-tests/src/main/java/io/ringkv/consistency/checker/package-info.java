/**
 * Checkers that decide whether a recorded history is correct. {@link
 * io.ringkv.consistency.checker.LinearizabilityChecker} searches for a linearization with the
 * Wing–Gong/Lowe algorithm (memoising the set of linearized operations together with the model state),
 * against a sequential {@link io.ringkv.consistency.checker.Model} such as a register or a
 * compare-and-set register, and splits Jepsen "independent" histories per key first. {@link
 * io.ringkv.consistency.checker.SetChecker} checks the set-add workload ("no acknowledged add lost").
 * {@link io.ringkv.consistency.checker.CheckMain} is the command line around both. Verdicts are
 * three-valued, as in Jepsen: valid, invalid, or unknown when the search budget ran out.
 */
package io.ringkv.consistency.checker;
