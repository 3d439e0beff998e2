package io.ringkv.consistency.checker;

/**
 * An operation that could have been linearized next at the point where the search got stuck, and why
 * it did not help: the model refused it in that state, or it was legal but every continuation from
 * there had already failed.
 */
public record Candidate(Operation operation, String explanation) {}
