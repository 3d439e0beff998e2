package io.ringkv.client.internal.request;

import io.ringkv.client.CausalContext;
import io.ringkv.client.PutResult;
import io.ringkv.client.WriteOptions;
import io.ringkv.client.internal.telemetry.ClientTelemetry;
import io.ringkv.client.internal.telemetry.OperationSpan;
import io.ringkv.client.policy.RequestKind;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.PutReply;
import io.ringkv.protocol.message.PutRequest;

/** A write of one key. */
public final class PutOperation implements Operation<PutResult> {

    private final byte[] key;
    private final byte[] value;
    private final byte[] context;
    private final WriteOptions options;
    private final io.ringkv.protocol.Consistency consistency;

    public PutOperation(byte[] key, byte[] value, CausalContext context, WriteOptions options) {
        this.key = key;
        this.value = value;
        this.context = context.toBytes();
        this.options = options;
        this.consistency = WireValues.consistency(options.consistency());
    }

    @Override
    public String name() {
        return "put";
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
        return new PutRequest(key, value, context, options.w(), consistency, timeoutMillis);
    }

    @Override
    public PutResult result(Message reply) {
        if (!(reply instanceof PutReply put)) {
            return null;
        }
        return new PutResult(WireValues.context(put.context()), put.coordinator());
    }

    @Override
    public String coordinator(PutResult result) {
        return result.coordinator();
    }

    @Override
    public void describeRequest(OperationSpan span) {
        span.setAttribute(ClientTelemetry.W, options.w());
        span.setAttribute(ClientTelemetry.CONSISTENCY, options.consistency().name());
    }
}
