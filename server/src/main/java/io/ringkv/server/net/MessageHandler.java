package io.ringkv.server.net;

import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.Message;
import java.util.concurrent.CompletionStage;

/**
 * Answers the requests that arrive on a {@link MessageServer} connection: client requests, internode
 * replica traffic, gossip and admin calls alike.
 *
 * <p>Threading: called on the connection's Netty event loop, so it must not block. Storage calls and
 * other slow work go to their own executors; the returned stage may complete on any thread and the
 * server hops back to the event loop to write the reply.
 *
 * <p>The stage's value becomes the reply body (any message kind; the server does not check that it is a
 * reply). A stage that fails, or a handler that throws, is answered with an {@code ErrorReply}
 * {@code INTERNAL} whose outcome is unknown ({@code definite = false}), so handlers should turn expected
 * failures into their own {@code ErrorReply} bodies instead.
 */
@FunctionalInterface
public interface MessageHandler {

    /**
     * Starts handling {@code request}, received on connection {@code from}.
     *
     * @return the reply body, eventually; never {@code null}
     */
    CompletionStage<Message> handle(Envelope request, InboundConnection from);
}
