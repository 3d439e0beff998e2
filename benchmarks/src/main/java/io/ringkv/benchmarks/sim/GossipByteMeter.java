package io.ringkv.benchmarks.sim;

import io.ringkv.server.membership.Ack;
import io.ringkv.server.membership.Ack2;
import io.ringkv.server.membership.Syn;
import java.util.HashSet;
import java.util.Set;

/**
 * Counts the gossip bytes that a sample of metered nodes send and receive, each message sized exactly by
 * the {@link WireSizer}. Encoding every message of a 5,000-node cluster would cost more than the
 * simulation itself, so only messages with a metered node at either end are encoded; per-node figures are
 * averages over the sample. A message is counted when it is put on the wire, lost or not.
 */
public final class GossipByteMeter {

    private final WireSizer sizer = new WireSizer();
    private final Set<String> meteredNodes = new HashSet<>();
    private long bytesSent;
    private long bytesReceived;
    private long synBytes;
    private long ackBytes;
    private long ack2Bytes;
    private long messagesSent;
    private long digestsSent;
    private long statesSent;
    private long synsSent;
    private long synDigestsSent;

    /** Adds {@code nodeId} to the sample. */
    public void meter(String nodeId) {
        meteredNodes.add(nodeId);
    }

    public int meteredCount() {
        return meteredNodes.size();
    }

    public boolean isMetered(String nodeId) {
        return meteredNodes.contains(nodeId);
    }

    /** Forgets the counts (not the sample), to start a measurement window. */
    public void reset() {
        bytesSent = 0;
        bytesReceived = 0;
        synBytes = 0;
        ackBytes = 0;
        ack2Bytes = 0;
        messagesSent = 0;
        digestsSent = 0;
        statesSent = 0;
        synsSent = 0;
        synDigestsSent = 0;
    }

    void syn(String from, String to, Syn syn) {
        if (involvesSample(from, to)) {
            int bytes = sizer.frameBytes(syn);
            synBytes += count(from, to, bytes);
            if (meteredNodes.contains(from)) {
                digestsSent += syn.digests().size();
                synsSent++;
                synDigestsSent += syn.digests().size();
            }
        }
    }

    void ack(String from, String to, Ack ack) {
        if (involvesSample(from, to)) {
            int bytes = sizer.frameBytes(ack);
            ackBytes += count(from, to, bytes);
            if (meteredNodes.contains(from)) {
                digestsSent += ack.digests().size();
                statesSent += ack.states().size();
            }
        }
    }

    void ack2(String from, String to, Ack2 ack2) {
        if (involvesSample(from, to)) {
            int bytes = sizer.frameBytes(ack2);
            ack2Bytes += count(from, to, bytes);
            if (meteredNodes.contains(from)) {
                statesSent += ack2.states().size();
            }
        }
    }

    private boolean involvesSample(String from, String to) {
        return meteredNodes.contains(from) || meteredNodes.contains(to);
    }

    /** Adds the message to the sent and received totals; returns the bytes attributed to the sample. */
    private long count(String from, String to, int bytes) {
        long attributed = 0;
        if (meteredNodes.contains(from)) {
            bytesSent += bytes;
            messagesSent++;
            attributed += bytes;
        }
        if (meteredNodes.contains(to)) {
            bytesReceived += bytes;
            attributed += bytes;
        }
        return attributed;
    }

    /** Bytes the sampled nodes put on the wire. */
    public long bytesSent() {
        return bytesSent;
    }

    /** Bytes addressed to the sampled nodes. */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** Bytes of syns sent or received by sampled nodes (a message between two sampled nodes counts twice). */
    public long synBytes() {
        return synBytes;
    }

    public long ackBytes() {
        return ackBytes;
    }

    public long ack2Bytes() {
        return ack2Bytes;
    }

    public long messagesSent() {
        return messagesSent;
    }

    /** Digests (in syns and ack requests) the sampled nodes sent. */
    public long digestsSent() {
        return digestsSent;
    }

    /** Syns the sampled nodes sent. */
    public long synsSent() {
        return synsSent;
    }

    /** Digests in the syns the sampled nodes sent. */
    public long synDigestsSent() {
        return synDigestsSent;
    }

    /** Endpoint states (in acks and ack2s) the sampled nodes sent. */
    public long statesSent() {
        return statesSent;
    }
}
