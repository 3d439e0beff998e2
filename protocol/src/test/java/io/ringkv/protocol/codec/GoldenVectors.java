package io.ringkv.protocol.codec;

import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.NodeStatus;
import io.ringkv.protocol.message.ClientSibling;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.GossipDigest;
import io.ringkv.protocol.message.GossipSyn;
import io.ringkv.protocol.message.NodeEntry;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.protocol.message.ReplicaError;
import io.ringkv.protocol.message.RingSnapshotReply;
import io.ringkv.protocol.message.StreamChunk;
import io.ringkv.protocol.message.StreamEntry;
import io.ringkv.protocol.message.TraceContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed envelopes whose frames are pinned in {@code src/test/resources/golden/<name>.bin}. Never
 * change an existing entry: the files record what version 1 of the protocol puts on the wire, and a
 * later schema must still decode them. Add new entries (and regenerate only the new files) instead.
 */
final class GoldenVectors {

    static final String RESOURCE_FOLDER = "golden";

    private GoldenVectors() {}

    /** File name (without {@code .bin}) → envelope, in a stable order. */
    static Map<String, Envelope> all() {
        Map<String, Envelope> vectors = new LinkedHashMap<>();
        vectors.put("put_request", putRequest());
        vectors.put("get_reply_two_siblings", getReplyWithTwoSiblings());
        vectors.put("error_reply_replica_errors", errorReplyWithReplicaErrors());
        vectors.put("gossip_syn", gossipSyn());
        vectors.put("ring_snapshot_reply", ringSnapshotReply());
        vectors.put("stream_chunk", streamChunk());
        return vectors;
    }

    private static Envelope putRequest() {
        TraceContext trace =
                new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "ringkv=t61rcWkgMzE");
        PutRequest put = new PutRequest(
                ascii("cart:alice"),
                ascii("{\"items\":[\"apple\",\"pear\"]}"),
                new byte[] {0x01, 0x02, 0x0a, 0x6e, 0x6f, 0x64, 0x65, 0x2d, 0x31, 0x07},
                2,
                Consistency.EVENTUAL,
                1500);
        return new Envelope(0x0102030405060708L, 17, trace, put);
    }

    private static Envelope getReplyWithTwoSiblings() {
        GetReply reply = new GetReply(
                true,
                List.of(
                        new ClientSibling(ascii("{\"items\":[\"apple\"]}"), 1_700_000_000_000L),
                        new ClientSibling(ascii("{\"items\":[\"pear\"]}"), 1_700_000_000_250L)),
                new byte[] {
                    0x02, 0x06, 0x6e, 0x6f, 0x64, 0x65, 0x2d, 0x31, 0x03, 0x06, 0x6e, 0x6f, 0x64, 0x65, 0x2d, 0x32, 0x01
                },
                "node-2");
        return new Envelope(42, 17, TraceContext.EMPTY, reply);
    }

    private static Envelope errorReplyWithReplicaErrors() {
        ErrorReply reply = new ErrorReply(
                ErrorCode.TIMEOUT,
                "write quorum not reached: 1 of 2 acknowledgements",
                false,
                1,
                2,
                List.of(
                        new ReplicaError("node-3", ErrorCode.TIMEOUT, "no reply within 1500 ms"),
                        new ReplicaError("node-4", ErrorCode.STORAGE_ERROR, "disk full")));
        return new Envelope(-2, 18, TraceContext.EMPTY, reply);
    }

    private static Envelope gossipSyn() {
        GossipSyn syn = new GossipSyn(
                "node-1",
                "prod-eu",
                List.of(
                        new GossipDigest("node-1", 1_700_000_000L, 120),
                        new GossipDigest("node-2", 1_700_000_100L, 98),
                        new GossipDigest("node-3", 1_699_999_000L, 0)),
                7,
                "",
                0,
                false,
                0);
        return new Envelope(9, 7, TraceContext.EMPTY, syn);
    }

    private static Envelope ringSnapshotReply() {
        RingSnapshotReply reply = new RingSnapshotReply(
                7,
                8,
                3,
                List.of(
                        new NodeEntry("node-1", "10.0.0.1", 7400, 8080, "rack-a", NodeStatus.NORMAL, true),
                        new NodeEntry("node-2", "10.0.0.2", 7400, 8080, "rack-b", NodeStatus.NORMAL, true),
                        new NodeEntry("node-3", "10.0.0.3", 7400, 8080, "", NodeStatus.JOINING, false)),
                new int[] {0, 1, 0, 1, 0, 1, 2, 2});
        return new Envelope(10, 7, TraceContext.EMPTY, reply);
    }

    private static Envelope streamChunk() {
        StreamChunk chunk = new StreamChunk(
                513,
                List.of(
                        new StreamEntry(ascii("user:1"), -4_611_686_018_427_387_904L, new byte[] {1, 0, 0, 5, 9}),
                        new StreamEntry(ascii("user:2"), -4_611_686_018_427_000_000L, new byte[] {1, 0, 1, 6, 8, 7})),
                ascii("user:2"),
                false);
        return new Envelope(11, 7, TraceContext.EMPTY, chunk);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
