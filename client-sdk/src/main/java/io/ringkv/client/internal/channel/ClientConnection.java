package io.ringkv.client.internal.channel;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.EncoderException;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.ProtocolException;
import io.ringkv.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open TCP connection to a node, on which many requests are in flight at once. Chooses request ids
 * (unique on the connection), registers each call with the {@link ResponseHandler} and writes its frame.
 * Thread-safe: writes from any thread are handed to the channel's event loop by Netty.
 */
public final class ClientConnection {

    private final Channel channel;
    private final ResponseHandler responses;
    private final Clock clock;
    private final AtomicLong nextRequestId = new AtomicLong(1);

    public ClientConnection(Channel channel, ResponseHandler responses, Clock clock) {
        this.channel = channel;
        this.responses = responses;
        this.clock = clock;
    }

    public boolean isActive() {
        return channel.isActive();
    }

    /** Requests written on this connection and not yet answered. */
    public int pendingCount() {
        return responses.pendingCount();
    }

    /** Completes when the connection has closed, for whatever reason. */
    public ChannelFuture closeFuture() {
        return channel.closeFuture();
    }

    public void close() {
        channel.close();
    }

    /** Sends the call's request; its future completes with the reply or a failure. */
    public void write(PendingCall call) {
        if (call.isFinished()) {
            return;
        }
        long requestId = nextRequestId.getAndIncrement();
        if (!responses.register(requestId, call)) {
            call.fail(CallFailure.UNREACHABLE, "connection to " + channel.remoteAddress() + " is closed", null);
            return;
        }
        call.onFinish(() -> responses.forget(requestId));
        if (call.isFinished()) {
            return;
        }
        call.markWriteStarted(clock.nanoTime());
        channel.writeAndFlush(call.envelope(requestId)).addListener(written -> {
            if (!written.isSuccess()) {
                call.markWriteFailed();
                onWriteFailed(call, written.cause());
            }
        });
    }

    private void onWriteFailed(PendingCall call, Throwable cause) {
        if (cause instanceof EncoderException
                && cause.getCause() instanceof ProtocolException protocol
                && protocol.code() == ErrorCode.FRAME_TOO_LARGE) {
            call.fail(CallFailure.FRAME_TOO_LARGE, protocol.getMessage(), protocol);
        } else {
            call.fail(CallFailure.WRITE_FAILED, "could not write to " + channel.remoteAddress(), cause);
        }
    }
}
