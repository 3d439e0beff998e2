package io.ringkv.server.net;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.EventExecutor;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.codec.MalformedFrame;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.TraceContext;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The last handler of a {@link MessageServer} connection: turns each decoded request into a
 * {@link MessageHandler} call and its outcome into a reply on the same channel, answers undecodable
 * frames, and applies the per-connection in-flight bound, read backpressure and the idle timeout.
 *
 * <p>One instance per channel. All its state is touched only on the channel's event loop: handler
 * stages that complete elsewhere hop back to it before the reply is written.
 */
final class ServerConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ServerConnectionHandler.class);

    private final InboundConnection connection;
    private final MessageHandler handler;
    private final LongSupplier ringVersion;
    private final RequestGate gate;
    private final ServerCounters counters;
    private final int maxInFlight;
    private final String nodeId;

    /** Requests handed to the handler and not yet answered on this connection. */
    private int inFlight;

    ServerConnectionHandler(
            InboundConnection connection,
            MessageHandler handler,
            LongSupplier ringVersion,
            RequestGate gate,
            ServerCounters counters,
            int maxInFlight,
            String nodeId) {
        this.connection = connection;
        this.handler = handler;
        this.ringVersion = ringVersion;
        this.gate = gate;
        this.counters = counters;
        this.maxInFlight = maxInFlight;
        this.nodeId = nodeId;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        // The node's event loops serve only this node, so tagging the thread once is enough.
        MDC.put("node", nodeId);
        counters.connectionOpened();
        LOG.debug("connection {} from {} opened", connection.connectionId(), connection.remoteAddress());
        context.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        counters.connectionClosed();
        LOG.debug(
                "connection {} from {} closed with {} requests in flight",
                connection.connectionId(),
                connection.remoteAddress(),
                inFlight);
        context.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof Envelope request) {
            onRequest(context, request);
        } else if (message instanceof MalformedFrame frame) {
            onMalformedFrame(context, frame);
        } else {
            context.fireChannelRead(message);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        // A peer that does not read its replies fills our outbound buffer: stop reading its requests
        // until the buffer drains, so TCP flow control pushes back on it instead of our heap growing.
        context.channel().config().setAutoRead(context.channel().isWritable());
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof IdleStateEvent) {
            // A slow handler is not idleness: only a connection with nothing pending is given up.
            if (inFlight == 0) {
                LOG.debug("closing idle connection {} from {}", connection.connectionId(), connection.remoteAddress());
                context.close();
            }
            return;
        }
        context.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug(
                    "connection {} from {} failed: {}",
                    connection.connectionId(),
                    connection.remoteAddress(),
                    cause.toString());
        } else {
            LOG.warn(
                    "closing connection {} from {} after an unexpected error",
                    connection.connectionId(),
                    connection.remoteAddress(),
                    cause);
        }
        context.close();
    }

    private void onRequest(ChannelHandlerContext context, Envelope request) {
        counters.requestReceived();
        if (inFlight >= maxInFlight) {
            counters.overloadedRejection();
            writeReply(
                    context,
                    request,
                    ErrorReply.of(
                            ErrorCode.OVERLOADED,
                            "more than " + maxInFlight + " requests in flight on this connection",
                            true));
            return;
        }
        if (!gate.tryEnter()) {
            counters.shuttingDownRejection();
            writeReply(
                    context,
                    request,
                    ErrorReply.of(ErrorCode.SHUTTING_DOWN, "node " + nodeId + " is shutting down", true));
            return;
        }
        inFlight++;
        invokeHandler(request).whenComplete((reply, failure) -> onHandled(context, request, reply, failure));
    }

    private CompletionStage<Message> invokeHandler(Envelope request) {
        try {
            CompletionStage<Message> stage = handler.handle(request, connection);
            return stage != null
                    ? stage
                    : CompletableFuture.failedFuture(new IllegalStateException("handler returned no stage"));
        } catch (RuntimeException e) {
            // The handler is the rest of the node; a bug there must cost one request, not the connection.
            return CompletableFuture.failedFuture(e);
        }
    }

    private void onHandled(ChannelHandlerContext context, Envelope request, Message reply, Throwable failure) {
        EventExecutor eventLoop = context.executor();
        if (eventLoop.inEventLoop()) {
            finish(context, request, reply, failure);
            return;
        }
        try {
            eventLoop.execute(() -> finish(context, request, reply, failure));
        } catch (RejectedExecutionException e) {
            // The event loops are gone, and the connection with them: nobody is left to answer.
            gate.exit();
            LOG.debug("reply to request {} dropped: event loop stopped", request.requestId());
        }
    }

    private void finish(ChannelHandlerContext context, Envelope request, Message reply, Throwable failure) {
        inFlight--;
        try {
            writeReply(context, request, replyBody(request, reply, failure));
        } finally {
            gate.exit();
        }
    }

    private Message replyBody(Envelope request, Message reply, Throwable failure) {
        if (failure == null && reply != null) {
            return reply;
        }
        counters.handlerFailure();
        Throwable cause =
                failure == null ? new IllegalStateException("handler completed without a reply") : unwrap(failure);
        LOG.warn(
                "handler failed on {} request {} from {}",
                request.body().kind(),
                request.requestId(),
                connection.remoteAddress(),
                cause);
        return ErrorReply.of(ErrorCode.INTERNAL, "internal error: " + cause, false);
    }

    private void writeReply(ChannelHandlerContext context, Envelope request, Message body) {
        context.writeAndFlush(request.reply(ringVersion.getAsLong(), body))
                .addListener((ChannelFuture written) -> onReplyWritten(context, request, written));
    }

    private void onReplyWritten(ChannelHandlerContext context, Envelope request, ChannelFuture written) {
        if (written.isSuccess()) {
            counters.replySent();
            return;
        }
        counters.replyWriteFailure();
        Throwable cause = written.cause();
        if (cause instanceof EncoderException && context.channel().isActive()) {
            // Typically a reply over maxFrameBytes. Tell the requester rather than let it time out; the
            // handler did run, so the outcome is unknown to it.
            LOG.warn(
                    "reply to {} request {} could not be encoded",
                    request.body().kind(),
                    request.requestId(),
                    cause);
            context.writeAndFlush(request.reply(
                    ringVersion.getAsLong(),
                    ErrorReply.of(ErrorCode.INTERNAL, "reply could not be encoded: " + cause.getMessage(), false)));
        } else {
            LOG.debug("reply to request {} not written: {}", request.requestId(), String.valueOf(cause));
        }
    }

    private void onMalformedFrame(ChannelHandlerContext context, MalformedFrame frame) {
        counters.malformedFrame();
        LOG.debug(
                "undecodable frame from {} (request {}): {} {}",
                connection.remoteAddress(),
                frame.requestId(),
                frame.code(),
                frame.message());
        ChannelFuture written = context.writeAndFlush(new Envelope(
                frame.requestId(),
                ringVersion.getAsLong(),
                TraceContext.EMPTY,
                ErrorReply.of(frame.code(), frame.message(), true)));
        written.addListener((ChannelFuture future) -> {
            if (future.isSuccess()) {
                counters.replySent();
            }
        });
        if (frame.mustCloseConnection()) {
            // The length field cannot be trusted, so the stream cannot be resynchronised.
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
