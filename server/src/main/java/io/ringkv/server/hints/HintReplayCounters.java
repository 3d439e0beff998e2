package io.ringkv.server.hints;

/**
 * Running totals of one {@link HintReplayer}, for metrics and the admin status.
 *
 * @param delivered hints the owner acknowledged (each delivery of a hint counts, also a re-delivery of
 *     a hint that was merged into while it was on its way)
 * @param failed deliveries that failed or timed out; the hint stays and is retried at a later pass
 * @param expired hints dropped because they grew older than {@link HintConfig#maxAgeMillis()}
 */
public record HintReplayCounters(long delivered, long failed, long expired) {}
