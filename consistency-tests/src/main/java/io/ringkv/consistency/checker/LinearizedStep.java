package io.ringkv.consistency.checker;

/**
 * One step of a (partial) linearization in a failure report: the operation, and the model state it
 * left behind.
 */
public record LinearizedStep(Operation operation, Object stateAfter) {}
