package io.ringkv.client.internal.request;

import io.ringkv.client.GetResult;
import io.ringkv.client.ReadOptions;
import io.ringkv.client.Sibling;
import io.ringkv.client.internal.telemetry.ClientTelemetry;
import io.ringkv.client.internal.telemetry.OperationSpan;
import io.ringkv.client.policy.RequestKind;
import io.ringkv.protocol.message.ClientSibling;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.Message;
import java.util.ArrayList;
import java.util.List;

/** A read of one key. */
public final class GetOperation implements Operation<GetResult> {

    private final byte[] key;
    private final ReadOptions options;
    private final io.ringkv.protocol.Consistency consistency;

    public GetOperation(byte[] key, ReadOptions options) {
        this.key = key;
        this.options = options;
        this.consistency = WireValues.consistency(options.consistency());
    }

    @Override
    public String name() {
        return "get";
    }

    @Override
    public RequestKind kind() {
        return RequestKind.READ;
    }

    @Override
    public byte[] key() {
        return key;
    }

    @Override
    public Message request(long timeoutMillis) {
        return new GetRequest(key, options.r(), consistency, timeoutMillis);
    }

    @Override
    public GetResult result(Message reply) {
        if (!(reply instanceof GetReply get)) {
            return null;
        }
        List<Sibling> siblings = new ArrayList<>(get.siblings().size());
        for (ClientSibling sibling : get.siblings()) {
            siblings.add(new Sibling(sibling.value(), sibling.wallClockMillis()));
        }
        boolean found = get.found() && !siblings.isEmpty();
        return new GetResult(found, siblings, WireValues.context(get.context()), get.coordinator());
    }

    @Override
    public String coordinator(GetResult result) {
        return result.coordinator();
    }

    @Override
    public void describeRequest(OperationSpan span) {
        span.setAttribute(ClientTelemetry.R, options.r());
        span.setAttribute(ClientTelemetry.CONSISTENCY, options.consistency().name());
    }

    @Override
    public void describeResult(GetResult result, OperationSpan span) {
        span.setAttribute(ClientTelemetry.SIBLINGS, result.siblings().size());
    }
}
