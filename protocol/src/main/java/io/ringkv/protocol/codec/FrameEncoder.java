package io.ringkv.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.protocol.ProtocolVersion;
import io.ringkv.protocol.message.Envelope;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Writes each outbound {@link Envelope} as one frame: the 4-byte big-endian length, then the FlatBuffers
 * bytes. The envelope is built in the encoder's reused {@link MessageEncoder} and copied once into an
 * exactly sized buffer from the channel's allocator.
 *
 * <p>An envelope larger than {@link ProtocolLimits#maxFrameBytes()} fails the write's promise with an
 * {@link io.netty.handler.codec.EncoderException} whose cause is a
 * {@link io.ringkv.protocol.ProtocolException} ({@link io.ringkv.protocol.ErrorCode#FRAME_TOO_LARGE});
 * nothing is written and the connection stays usable.
 *
 * <p>One instance per channel: the reused builder makes it unsafe to share, and Netty calls it only on
 * the channel's event loop.
 */
public final class FrameEncoder extends MessageToMessageEncoder<Envelope> {

    private final MessageEncoder messageEncoder;

    public FrameEncoder(MessageEncoder messageEncoder) {
        super(Envelope.class);
        this.messageEncoder = Objects.requireNonNull(messageEncoder, "messageEncoder");
    }

    public FrameEncoder(ProtocolLimits limits) {
        this(new MessageEncoder(limits));
    }

    @Override
    protected void encode(ChannelHandlerContext context, Envelope envelope, List<Object> out) {
        ByteBuffer bytes = messageEncoder.encode(envelope);
        int length = bytes.remaining();
        ByteBuf frame = context.alloc().ioBuffer(ProtocolVersion.LENGTH_FIELD_BYTES + length);
        boolean written = false;
        try {
            frame.writeInt(length);
            frame.writeBytes(bytes);
            out.add(frame);
            written = true;
        } finally {
            if (!written) {
                frame.release();
            }
        }
    }
}
