package io.ringkv.client.internal.request;

import io.ringkv.client.internal.telemetry.OperationSpan;
import io.ringkv.client.policy.RequestKind;
import io.ringkv.protocol.message.Message;

/**
 * What differs between gets, puts and deletes for the request machinery: the request message, the
 * reply it expects and what the span records.
 *
 * @param <R> the public result type
 */
public interface Operation<R> {

    /** {@code get}, {@code put} or {@code delete}: span name and metric attribute. */
    String name();

    RequestKind kind();

    byte[] key();

    /** The request, telling the node it has {@code timeoutMillis} left. */
    Message request(long timeoutMillis);

    /** The result for a successful reply; null when {@code reply} is not this operation's reply type. */
    R result(Message reply);

    /** The coordinator named by a result. */
    String coordinator(R result);

    /** Records the request's parameters on its span (R or W, consistency). */
    void describeRequest(OperationSpan span);

    /** Records what the result says on the span (siblings of a read). */
    default void describeResult(R result, OperationSpan span) {}
}
