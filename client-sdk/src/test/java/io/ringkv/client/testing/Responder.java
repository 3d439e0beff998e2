package io.ringkv.client.testing;

import io.ringkv.protocol.message.Message;

/** How a {@link FakeNode} answers client requests (ring snapshot requests are always answered). */
@FunctionalInterface
public interface Responder {

    /** Answers from the cluster's in-memory store. */
    Responder STORE = exchange -> exchange.reply(exchange.defaultReply());

    /** Never answers. */
    Responder SILENT = FakeExchange::ignore;

    /** Closes the connection on every request. */
    Responder CLOSE_CONNECTION = FakeExchange::closeConnection;

    void handle(FakeExchange exchange);

    /** Always answers with {@code body}. */
    static Responder always(Message body) {
        return exchange -> exchange.reply(body);
    }

    /** Answers from the store after {@code delayMillis}. */
    static Responder delayed(long delayMillis) {
        return exchange -> exchange.replyAfter(delayMillis, exchange.defaultReply());
    }
}
