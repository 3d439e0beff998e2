/**
 * Causality for RingKV: dots, version vectors and sibling sets (dotted version vector sets), the pure
 * functions that write and merge them ({@link io.ringkv.causal.SiblingSets}), their stable binary
 * format ({@link io.ringkv.causal.SiblingSetCodec}) and the incarnations that keep a restarted node from
 * reissuing a dot. Concurrent writes are never lost: they survive as siblings until a client writes
 * with a context that covers them. Everything here is an immutable value or a stateless function and
 * is safe to use from any thread; see {@code docs/developer/causality.md} for the reasoning.
 */
package io.ringkv.causal;
