/**
 * The RingKV wire protocol shared by server and client: its version, the limits every decoder enforces,
 * the error codes sent in error replies and the {@link io.ringkv.protocol.ProtocolException} a decoder
 * raises for bad input. Messages live in {@code io.ringkv.protocol.message}, their FlatBuffers mapping
 * and the Netty frame codec in {@code io.ringkv.protocol.codec}, and the generated FlatBuffers classes
 * (never edited by hand) in {@code io.ringkv.protocol.fbs}; {@code docs/protocol.md} describes the format.
 */
package io.ringkv.protocol;
