/**
 * The {@code LINEARIZABLE} consistency mode: a single-key linearizable register per key, kept by the
 * two-phase majority-quorum algorithm of Attiya, Bar-Noy and Dolev (ABD), multi-writer variant.
 *
 * <p>{@link io.ringkv.server.linearizable.LinearizableKeyValueService} is the client-facing entry point
 * (it validates a request and finds the key's true preference list); {@code AbdCoordinator} runs the two
 * phases against a majority of those replicas; {@link io.ringkv.server.linearizable.RegisterStore} keeps
 * each replica's registers in a storage engine of their own, so they never mix with the sibling sets of
 * the eventual and strict modes; {@link io.ringkv.server.linearizable.RegisterReplicaHandler} answers the
 * replica requests of other coordinators. {@code docs/linearizable.md} states what the mode guarantees
 * and what it costs.
 */
package io.ringkv.server.linearizable;
