package io.ringkv.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.ProtocolException;
import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.protocol.ProtocolVersion;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Splits the inbound byte stream into frames (4-byte big-endian length, then the envelope) with Netty's
 * {@link LengthFieldBasedFrameDecoder} and decodes each into an
 * {@link io.ringkv.protocol.message.Envelope}, or into a {@link MalformedFrame} when it cannot.
 *
 * <p>Failure handling:
 * <ul>
 *   <li>A frame whose envelope is bad (malformed bytes, unknown message type, a limit exceeded) yields a
 *       {@link MalformedFrame} with the request id when it could be read; decoding goes on with the next
 *       frame, since the length field told exactly where this one ended.
 *   <li>A length field above {@link ProtocolLimits#maxFrameBytes()} yields one {@link MalformedFrame}
 *       with {@link ErrorCode#FRAME_TOO_LARGE} (request id 0: the envelope was never read) and the
 *       decoder then discards every byte it receives, never buffering the oversized frame. The handler
 *       must close the channel (see {@link MalformedFrame#mustCloseConnection()}): a length that large is
 *       either hostile or a sign that the stream is out of step, and the stream cannot be resynchronised.
 * </ul>
 *
 * <p>One instance per channel (Netty decoders keep per-connection state); runs on the channel's event
 * loop. The frame is decoded straight from the cumulation buffer (a slice, no copy) and released.
 */
public final class FrameDecoder extends LengthFieldBasedFrameDecoder {

    private final MessageDecoder messageDecoder;
    private boolean discardingAfterOversizedFrame;

    public FrameDecoder(MessageDecoder messageDecoder) {
        super(
                ByteOrder.BIG_ENDIAN,
                Objects.requireNonNull(messageDecoder, "messageDecoder")
                                .limits()
                                .maxFrameBytes()
                        + ProtocolVersion.LENGTH_FIELD_BYTES,
                0,
                ProtocolVersion.LENGTH_FIELD_BYTES,
                0,
                ProtocolVersion.LENGTH_FIELD_BYTES,
                true);
        this.messageDecoder = messageDecoder;
    }

    public FrameDecoder(ProtocolLimits limits) {
        this(new MessageDecoder(limits));
    }

    @Override
    protected Object decode(ChannelHandlerContext context, ByteBuf in) throws Exception {
        if (discardingAfterOversizedFrame) {
            in.skipBytes(in.readableBytes());
            return null;
        }
        ByteBuf frame;
        try {
            frame = (ByteBuf) super.decode(context, in);
        } catch (TooLongFrameException | CorruptedFrameException e) {
            discardingAfterOversizedFrame = true;
            in.skipBytes(in.readableBytes());
            return new MalformedFrame(
                    0,
                    ErrorCode.FRAME_TOO_LARGE,
                    "frame length exceeds the limit of "
                            + messageDecoder.limits().maxFrameBytes() + " bytes");
        }
        if (frame == null) {
            return null;
        }
        try {
            return messageDecoder.decode(frame.nioBuffer());
        } catch (ProtocolException e) {
            return MalformedFrame.of(e);
        } finally {
            frame.release();
        }
    }
}
