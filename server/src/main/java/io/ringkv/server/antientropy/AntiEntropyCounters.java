package io.ringkv.server.antientropy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of a node's anti-entropy work, on both sides of an exchange: what its sessions
 * received and repaired, and what its request handler served to peers. Thread-safe.
 */
public final class AntiEntropyCounters {

    private final LongAdder sessions = new LongAdder();
    private final LongAdder sessionsFailed = new LongAdder();
    private final LongAdder hashesSent = new LongAdder();
    private final LongAdder hashesReceived = new LongAdder();
    private final LongAdder keysRepaired = new LongAdder();
    private final LongAdder keysSent = new LongAdder();
    private final LongAdder keysReceived = new LongAdder();
    private final LongAdder bytesExchanged = new LongAdder();
    private final LongAdder tombstonesPurged = new LongAdder();

    void hashesSent(long count) {
        hashesSent.add(count);
    }

    void sessionCompleted(ExchangeResult result) {
        sessions.increment();
        hashesReceived.add(result.hashesReceived() + result.keyHashesReceived());
        keysRepaired.add(result.keysRepaired());
        keysSent.add(result.keysSent());
        keysReceived.add(result.keysReceived());
        bytesExchanged.add(result.bytesExchanged());
    }

    void sessionFailed() {
        sessionsFailed.increment();
    }

    void tombstonesPurged(long count) {
        tombstonesPurged.add(count);
    }

    public long sessions() {
        return sessions.sum();
    }

    public long sessionsFailed() {
        return sessionsFailed.sum();
    }

    /** Node and key hashes this node's handler sent to peers. */
    public long hashesSent() {
        return hashesSent.sum();
    }

    /** Node and key hashes this node's sessions received from peers. */
    public long hashesReceived() {
        return hashesReceived.sum();
    }

    public long keysRepaired() {
        return keysRepaired.sum();
    }

    public long tombstonesPurged() {
        return tombstonesPurged.sum();
    }

    /** A point-in-time copy, keyed like the node's other metrics. */
    public Map<String, Long> snapshot() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("anti_entropy_sessions", sessions.sum());
        values.put("anti_entropy_sessions_failed", sessionsFailed.sum());
        values.put("anti_entropy_hashes_sent", hashesSent.sum());
        values.put("anti_entropy_hashes_received", hashesReceived.sum());
        values.put("anti_entropy_keys_repaired", keysRepaired.sum());
        values.put("anti_entropy_keys_sent", keysSent.sum());
        values.put("anti_entropy_keys_received", keysReceived.sum());
        values.put("anti_entropy_bytes", bytesExchanged.sum());
        values.put("tombstones_purged", tombstonesPurged.sum());
        return values;
    }
}
