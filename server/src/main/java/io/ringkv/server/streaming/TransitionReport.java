package io.ringkv.server.streaming;

/**
 * What one completed transition moved, as its driver counted it.
 *
 * @param transitionId {@code <epoch>-<proposer>} of the register that carried the pending owners
 * @param partitionCopies partition copies made (a partition gained by two nodes counts twice)
 * @param keys keys delivered to gainers
 * @param bytes bytes delivered to gainers (key plus encoded sibling set per entry)
 * @param millis from the start of streaming to the proposal of the final layout
 */
public record TransitionReport(String transitionId, int partitionCopies, long keys, long bytes, long millis) {}
