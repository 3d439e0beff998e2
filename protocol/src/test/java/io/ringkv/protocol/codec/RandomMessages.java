package io.ringkv.protocol.codec;

import io.ringkv.protocol.AdminCommand;
import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.NodeStatus;
import io.ringkv.protocol.message.AbdQueryReply;
import io.ringkv.protocol.message.AbdQueryRequest;
import io.ringkv.protocol.message.AbdTag;
import io.ringkv.protocol.message.AbdWriteReply;
import io.ringkv.protocol.message.AbdWriteRequest;
import io.ringkv.protocol.message.AdminReply;
import io.ringkv.protocol.message.AdminRequest;
import io.ringkv.protocol.message.ClientSibling;
import io.ringkv.protocol.message.DeleteReply;
import io.ringkv.protocol.message.DeleteRequest;
import io.ringkv.protocol.message.EndpointState;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.GossipAck;
import io.ringkv.protocol.message.GossipAck2;
import io.ringkv.protocol.message.GossipDigest;
import io.ringkv.protocol.message.GossipSyn;
import io.ringkv.protocol.message.HintReplayRequest;
import io.ringkv.protocol.message.HintedWriteRequest;
import io.ringkv.protocol.message.KeyHash;
import io.ringkv.protocol.message.MerkleHash;
import io.ringkv.protocol.message.MerkleLeafReply;
import io.ringkv.protocol.message.MerkleLeafRequest;
import io.ringkv.protocol.message.MerkleReply;
import io.ringkv.protocol.message.MerkleRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.MessageKind;
import io.ringkv.protocol.message.NodeEntry;
import io.ringkv.protocol.message.PingReply;
import io.ringkv.protocol.message.PingRequest;
import io.ringkv.protocol.message.PutReply;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.protocol.message.ReplicaError;
import io.ringkv.protocol.message.ReplicaReadReply;
import io.ringkv.protocol.message.ReplicaReadRequest;
import io.ringkv.protocol.message.ReplicaWriteReply;
import io.ringkv.protocol.message.ReplicaWriteRequest;
import io.ringkv.protocol.message.RingAssignment;
import io.ringkv.protocol.message.RingSnapshotReply;
import io.ringkv.protocol.message.RingSnapshotRequest;
import io.ringkv.protocol.message.StreamChunk;
import io.ringkv.protocol.message.StreamEntry;
import io.ringkv.protocol.message.StreamRequest;
import io.ringkv.protocol.message.TraceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Seeded generator of valid random messages of every kind, within the default limits. Fields are
 * sometimes empty, sometimes at extreme values (negative longs, maximal unsigned values), and strings
 * mix ASCII with multi-byte and supplementary characters.
 */
final class RandomMessages {

    private static final String[] TEXT_PIECES = {"node", "-", "a", "Z", "9", "é", "ß", "東京", "😀", " ", "{\"k\":1}"};

    private final SplittableRandom random;

    RandomMessages(long seed) {
        this.random = new SplittableRandom(seed);
    }

    Envelope envelope(MessageKind kind) {
        TraceContext trace = random.nextInt(3) == 0
                ? TraceContext.EMPTY
                : new TraceContext("00-" + text(32) + "-" + text(16) + "-01", random.nextBoolean() ? "" : text(20));
        return new Envelope(random.nextLong(), random.nextLong(), trace, message(kind));
    }

    Message message(MessageKind kind) {
        switch (kind) {
            case GET_REQUEST:
                return new GetRequest(key(), unsignedByte(), consistency(), unsignedInt(), random.nextBoolean());
            case GET_REPLY:
                return new GetReply(random.nextBoolean(), list(4, this::clientSibling), bytes(40), text(12));
            case PUT_REQUEST:
                return new PutRequest(
                        key(),
                        bytes(2048),
                        bytes(40),
                        unsignedByte(),
                        consistency(),
                        unsignedInt(),
                        random.nextBoolean());
            case PUT_REPLY:
                return new PutReply(bytes(40), text(12));
            case DELETE_REQUEST:
                return new DeleteRequest(
                        key(), bytes(40), unsignedByte(), consistency(), unsignedInt(), random.nextBoolean());
            case DELETE_REPLY:
                return new DeleteReply(bytes(40), text(12));
            case ERROR_REPLY:
                return new ErrorReply(
                        errorCode(),
                        text(60),
                        random.nextBoolean(),
                        unsignedByte(),
                        unsignedByte(),
                        list(3, () -> new ReplicaError(text(10), errorCode(), text(30))));
            case REPLICA_READ_REQUEST:
                return new ReplicaReadRequest(key(), partition(), random.nextLong());
            case REPLICA_READ_REPLY:
                return new ReplicaReadReply(bytes(600));
            case REPLICA_WRITE_REQUEST:
                return new ReplicaWriteRequest(key(), partition(), random.nextLong(), bytes(600));
            case REPLICA_WRITE_REPLY:
                return new ReplicaWriteReply(bytes(600));
            case HINTED_WRITE_REQUEST:
                return new HintedWriteRequest(text(10), key(), partition(), random.nextLong(), bytes(600));
            case HINT_REPLAY_REQUEST:
                return new HintReplayRequest(text(10), key(), partition(), random.nextLong(), bytes(600));
            case ABD_QUERY_REQUEST:
                return new AbdQueryRequest(key(), partition(), random.nextLong());
            case ABD_QUERY_REPLY:
                return new AbdQueryReply(tag(), bytes(600), random.nextBoolean());
            case ABD_WRITE_REQUEST:
                return new AbdWriteRequest(
                        key(), partition(), random.nextLong(), tag(), bytes(600), random.nextBoolean());
            case ABD_WRITE_REPLY:
                return AbdWriteReply.INSTANCE;
            case GOSSIP_SYN:
                return new GossipSyn(
                        text(10),
                        text(10),
                        list(6, this::digest),
                        random.nextLong(),
                        text(10),
                        random.nextLong(),
                        random.nextBoolean(),
                        random.nextLong());
            case GOSSIP_ACK:
                return new GossipAck(
                        list(4, this::digest),
                        list(4, this::endpointState),
                        ring(),
                        text(10),
                        random.nextLong(),
                        random.nextLong());
            case GOSSIP_ACK2:
                return new GossipAck2(list(4, this::endpointState), ring());
            case RING_SNAPSHOT_REQUEST:
                return RingSnapshotRequest.INSTANCE;
            case RING_SNAPSHOT_REPLY:
                return new RingSnapshotReply(
                        random.nextLong(), partition(), unsignedByte(), list(5, this::nodeEntry), unsignedShorts(64));
            case MERKLE_REQUEST:
                return new MerkleRequest(partition(), unsignedByte(), indexes(32));
            case MERKLE_REPLY:
                return new MerkleReply(
                        partition(),
                        unsignedByte(),
                        list(8, () -> new MerkleHash(random.nextInt(Integer.MAX_VALUE), random.nextLong())));
            case MERKLE_LEAF_REQUEST:
                return new MerkleLeafRequest(partition(), indexes(32));
            case MERKLE_LEAF_REPLY:
                return new MerkleLeafReply(partition(), list(8, () -> new KeyHash(key(), random.nextLong())));
            case STREAM_REQUEST:
                return new StreamRequest(partition(), key(), unsignedInt(), random.nextBoolean());
            case STREAM_CHUNK:
                return new StreamChunk(
                        partition(),
                        list(6, () -> new StreamEntry(key(), random.nextLong(), bytes(300))),
                        key(),
                        random.nextBoolean(),
                        random.nextBoolean());
            case ADMIN_REQUEST:
                return new AdminRequest(AdminCommand.values()[random.nextInt(AdminCommand.values().length)], text(20));
            case ADMIN_REPLY:
                return new AdminReply(text(200));
            case PING_REQUEST:
                return PingRequest.INSTANCE;
            case PING_REPLY:
                return new PingReply(text(12));
            default:
                throw new IllegalArgumentException("no generator for " + kind);
        }
    }

    private ClientSibling clientSibling() {
        return new ClientSibling(bytes(1024), random.nextLong());
    }

    private GossipDigest digest() {
        return new GossipDigest(text(10), random.nextLong(), random.nextLong());
    }

    private EndpointState endpointState() {
        return new EndpointState(
                text(10),
                random.nextLong(),
                random.nextLong(),
                text(15),
                unsignedShort(),
                unsignedShort(),
                text(6),
                nodeStatus(),
                random.nextLong(),
                list(4, () -> text(10)));
    }

    private NodeEntry nodeEntry() {
        return new NodeEntry(
                text(10), text(15), unsignedShort(), unsignedShort(), text(6), nodeStatus(), random.nextBoolean());
    }

    private RingAssignment ring() {
        if (random.nextInt(3) == 0) {
            return null;
        }
        return new RingAssignment(
                random.nextLong(),
                text(10),
                partition(),
                unsignedByte(),
                list(5, () -> text(10)),
                unsignedShorts(64),
                random.nextBoolean() ? new int[0] : unsignedShorts(64));
    }

    private AbdTag tag() {
        return random.nextInt(4) == 0 ? AbdTag.ZERO : new AbdTag(random.nextLong(), text(10));
    }

    private <T> List<T> list(int maxSize, Supplier<T> element) {
        int size = random.nextInt(maxSize + 1);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    private byte[] key() {
        return bytes(random.nextInt(10) == 0 ? 300 : 40);
    }

    private byte[] bytes(int maxLength) {
        int length = random.nextInt(4) == 0 ? 0 : random.nextInt(maxLength + 1);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private String text(int maxPieces) {
        int pieces = random.nextInt(4) == 0 ? 0 : random.nextInt(maxPieces + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(TEXT_PIECES[random.nextInt(TEXT_PIECES.length)]);
        }
        return text.toString();
    }

    private int[] unsignedShorts(int maxLength) {
        int[] values = new int[random.nextInt(maxLength + 1)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(0x10000);
        }
        return values;
    }

    private int[] indexes(int maxLength) {
        int[] values = new int[random.nextInt(maxLength + 1)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(Integer.MAX_VALUE);
        }
        return values;
    }

    private int partition() {
        return random.nextInt(8) == 0 ? Integer.MAX_VALUE : random.nextInt(4096);
    }

    private int unsignedByte() {
        return random.nextInt(256);
    }

    private int unsignedShort() {
        return random.nextInt(0x10000);
    }

    private long unsignedInt() {
        return random.nextInt(8) == 0 ? 0xFFFF_FFFFL : random.nextLong(0x1_0000_0000L);
    }

    private Consistency consistency() {
        return Consistency.values()[random.nextInt(Consistency.values().length)];
    }

    private ErrorCode errorCode() {
        return ErrorCode.values()[random.nextInt(ErrorCode.values().length)];
    }

    private NodeStatus nodeStatus() {
        return NodeStatus.values()[random.nextInt(NodeStatus.values().length)];
    }
}
