package io.ringkv.benchmarks.sim;

import io.ringkv.protocol.ProtocolVersion;
import io.ringkv.protocol.codec.MessageEncoder;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.TraceContext;
import io.ringkv.server.cluster.GossipMessages;
import io.ringkv.server.membership.Ack;
import io.ringkv.server.membership.Ack2;
import io.ringkv.server.membership.Syn;

/**
 * The exact number of bytes an internode message occupies on the wire: a gossip message is first mapped to
 * its wire record by the server's own {@link GossipMessages}; any message is then wrapped in an {@link Envelope} and encoded by the real
 * {@link MessageEncoder}; the frame's length field is added. Nothing is estimated. Not thread-safe (the
 * encoder reuses its buffer).
 */
public final class WireSizer {

    /** Request ids and ring versions are fixed-width fields; a non-zero value makes sure they are counted. */
    private static final long REQUEST_ID = 0x1234_5678L;

    private static final long RING_VERSION = 7;

    private final MessageEncoder encoder = new MessageEncoder();

    public int frameBytes(Syn syn) {
        return frameBytes(GossipMessages.toWire(syn));
    }

    public int frameBytes(Ack ack) {
        return frameBytes(GossipMessages.toWire(ack));
    }

    public int frameBytes(Ack2 ack2) {
        return frameBytes(GossipMessages.toWire(ack2));
    }

    /** Bytes of any message framed as the internode transport frames it. */
    public int frameBytes(Message body) {
        Envelope envelope = new Envelope(REQUEST_ID, RING_VERSION, TraceContext.EMPTY, body);
        return ProtocolVersion.LENGTH_FIELD_BYTES + encoder.encode(envelope).remaining();
    }
}
