/**
 * Elastic membership: moving partitions when a node joins, is decommissioned or is removed.
 *
 * <p>{@link io.ringkv.server.streaming.TransitionPlan} says which node gains which partition and where
 * to copy it from; {@link io.ringkv.server.streaming.TransitionDriver} (on the node that proposed the
 * transition) copies each partition chunk by chunk through {@link io.ringkv.server.streaming.StreamPeers},
 * paced by a {@link io.ringkv.server.streaming.TokenBucket} and resumable through
 * {@link io.ringkv.server.streaming.StreamProgressStore}, then completes the transition;
 * {@link io.ringkv.server.streaming.StreamEndpoint} serves and applies chunks for peers. See
 * {@code docs/elasticity.md}.
 */
package io.ringkv.server.streaming;
