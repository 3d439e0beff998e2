package io.ringkv.client.internal.request;

import io.ringkv.client.CausalContext;
import io.ringkv.client.DeleteResult;
import io.ringkv.client.WriteOptions;
import io.ringkv.client.internal.telemetry.ClientTelemetry;
import io.ringkv.client.internal.telemetry.OperationSpan;
import io.ringkv.client.policy.RequestKind;
import io.ringkv.protocol.message.DeleteReply;
import io.ringkv.protocol.message.DeleteRequest;
import io.ringkv.protocol.message.Message;

/** A delete (tombstone write) of one key. */
public final class DeleteOperation implements Operation<DeleteResult> {

    private final byte[] key;
    private final byte[] context;
    private final WriteOptions options;
    private final io.ringkv.protocol.Consistency consistency;

    public DeleteOperation(byte[] key, CausalContext context, WriteOptions options) {
        this.key = key;
        this.context = context.toBytes();
        this.options = options;
        this.consistency = WireValues.consistency(options.consistency());
    }

    @Override
    public String name() {
        return "delete";
    }

    @Override
    public RequestKind kind() {
        return RequestKind.WRITE;
    }

    @Override
    public byte[] key() {
        return key;
    }

    @Override
    public Message request(long timeoutMillis) {
        return new DeleteRequest(key, context, options.w(), consistency, timeoutMillis);
    }

    @Override
    public DeleteResult result(Message reply) {
        if (!(reply instanceof DeleteReply delete)) {
            return null;
        }
        return new DeleteResult(WireValues.context(delete.context()), delete.coordinator());
    }

    @Override
    public String coordinator(DeleteResult result) {
        return result.coordinator();
    }

    @Override
    public void describeRequest(OperationSpan span) {
        span.setAttribute(ClientTelemetry.W, options.w());
        span.setAttribute(ClientTelemetry.CONSISTENCY, options.consistency().name());
    }
}
