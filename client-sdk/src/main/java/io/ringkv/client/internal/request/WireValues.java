package io.ringkv.client.internal.request;

import io.ringkv.client.CausalContext;
import io.ringkv.client.Consistency;

/** Conversions between the public API's values and the wire records'. */
final class WireValues {

    private WireValues() {}

    static io.ringkv.protocol.Consistency consistency(Consistency consistency) {
        switch (consistency) {
            case EVENTUAL:
                return io.ringkv.protocol.Consistency.EVENTUAL;
            case STRICT:
                return io.ringkv.protocol.Consistency.STRICT;
            case LINEARIZABLE:
                return io.ringkv.protocol.Consistency.LINEARIZABLE;
            default:
                return io.ringkv.protocol.Consistency.DEFAULT;
        }
    }

    static CausalContext context(byte[] bytes) {
        return CausalContext.fromBytes(bytes);
    }
}
