package io.ringkv.protocol.codec;

import io.netty.channel.CombinedChannelDuplexHandler;
import io.ringkv.protocol.ProtocolLimits;

/**
 * The RingKV frame codec for a channel pipeline: {@link FrameDecoder} inbound (bytes → {@link
 * io.ringkv.protocol.message.Envelope} or {@link MalformedFrame}) and {@link FrameEncoder} outbound
 * ({@link io.ringkv.protocol.message.Envelope} → bytes). The protocol is symmetric, so the server (client
 * and internode connections) and the client SDK use the same codec.
 *
 * <p>Not sharable: add a new instance to each channel's pipeline.
 */
public final class RingKvCodec extends CombinedChannelDuplexHandler<FrameDecoder, FrameEncoder> {

    public RingKvCodec(ProtocolLimits limits) {
        super(new FrameDecoder(limits), new FrameEncoder(limits));
    }

    /** A codec with {@link ProtocolLimits#DEFAULT}. */
    public RingKvCodec() {
        this(ProtocolLimits.DEFAULT);
    }
}
