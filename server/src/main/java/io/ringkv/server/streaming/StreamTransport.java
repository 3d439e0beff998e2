package io.ringkv.server.streaming;

import io.ringkv.protocol.message.Message;
import java.util.concurrent.CompletionStage;

/**
 * Sends one streaming request to a peer by node id and yields the reply body (an {@code ErrorReply} is a
 * normal reply). The stage fails when the peer cannot be reached or does not answer in time.
 */
@FunctionalInterface
public interface StreamTransport {

    CompletionStage<Message> request(String nodeId, Message body, long timeoutMillis);
}
