/**
 * Typed, immutable records for every RingKV wire message: the {@link io.ringkv.protocol.message.Envelope}
 * that frames each one, and the sealed {@link io.ringkv.protocol.message.Message} hierarchy of bodies.
 * Server and client code work only with these records; the FlatBuffers classes stay inside
 * {@code io.ringkv.protocol.codec}. Byte arrays are shared, not copied, for speed: whoever builds or
 * receives a record must not mutate its arrays afterwards. Sibling sets and causal contexts travel as
 * opaque bytes produced by {@code io.ringkv.causal.SiblingSetCodec}.
 */
package io.ringkv.protocol.message;
