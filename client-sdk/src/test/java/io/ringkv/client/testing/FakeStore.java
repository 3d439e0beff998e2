package io.ringkv.client.testing;

import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.ClientSibling;
import io.ringkv.protocol.message.DeleteReply;
import io.ringkv.protocol.message.DeleteRequest;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.PutReply;
import io.ringkv.protocol.message.PutRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny shared store behind the fake nodes, enough for client tests: a write with a context replaces
 * every sibling, a blind write adds one; the context is an 8-byte counter. No replication, no real
 * causality.
 */
public final class FakeStore {

    private final Map<String, List<ClientSibling>> values = new ConcurrentHashMap<>();
    private final AtomicLong versions = new AtomicLong();
    private final AtomicLong wallClock = new AtomicLong(1_700_000_000_000L);

    public Message handle(String nodeId, Message request) {
        if (request instanceof GetRequest get) {
            List<ClientSibling> siblings = values.getOrDefault(hex(get.key()), List.of());
            return new GetReply(!siblings.isEmpty(), siblings, context(versions.get()), nodeId);
        }
        if (request instanceof PutRequest put) {
            store(put.key(), put.context(), new ClientSibling(put.value(), wallClock.incrementAndGet()));
            return new PutReply(context(versions.incrementAndGet()), nodeId);
        }
        if (request instanceof DeleteRequest delete) {
            store(delete.key(), delete.context(), null);
            return new DeleteReply(context(versions.incrementAndGet()), nodeId);
        }
        return ErrorReply.of(ErrorCode.UNSUPPORTED_MESSAGE, "fake node does not handle " + request.kind(), true);
    }

    /** Puts siblings in place directly, as concurrent writes would have. */
    public void putSiblings(byte[] key, List<ClientSibling> siblings) {
        values.put(hex(key), List.copyOf(siblings));
    }

    public List<ClientSibling> siblings(byte[] key) {
        return values.getOrDefault(hex(key), List.of());
    }

    private void store(byte[] key, byte[] context, ClientSibling sibling) {
        values.compute(hex(key), (unused, existing) -> {
            List<ClientSibling> next = new ArrayList<>();
            if (context.length == 0 && existing != null) {
                next.addAll(existing);
            }
            if (sibling != null) {
                next.add(sibling);
            }
            return List.copyOf(next);
        });
    }

    static byte[] context(long version) {
        return ByteBuffer.allocate(Long.BYTES).putLong(version).array();
    }

    private static String hex(byte[] key) {
        return HexFormat.of().formatHex(key);
    }
}
