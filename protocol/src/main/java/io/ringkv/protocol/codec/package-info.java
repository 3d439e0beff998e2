/**
 * Converts between the message records and bytes on the wire. {@link io.ringkv.protocol.codec.MessageEncoder}
 * and {@link io.ringkv.protocol.codec.MessageDecoder} are the one mapping between records and the
 * FlatBuffers schema (helped by a writer and a reader per message family); the Netty handlers
 * {@link io.ringkv.protocol.codec.FrameDecoder} and {@link io.ringkv.protocol.codec.FrameEncoder}, combined in
 * {@link io.ringkv.protocol.codec.RingKvCodec}, add the 4-byte big-endian length framing and are used by the
 * server's and the client's pipelines alike. A bad frame never throws out of the pipeline: it becomes a
 * {@link io.ringkv.protocol.codec.MalformedFrame} for the connection handler to answer.
 */
package io.ringkv.protocol.codec;
