package io.ringkv.server.antientropy;

import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSetCodec;
import io.ringkv.causal.SiblingSets;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.KeyHash;
import io.ringkv.protocol.message.MerkleHash;
import io.ringkv.protocol.message.MerkleLeafReply;
import io.ringkv.protocol.message.MerkleLeafRequest;
import io.ringkv.protocol.message.MerkleReply;
import io.ringkv.protocol.message.MerkleRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.ReplicaReadReply;
import io.ringkv.protocol.message.ReplicaReadRequest;
import io.ringkv.protocol.message.ReplicaWriteReply;
import io.ringkv.protocol.message.ReplicaWriteRequest;
import io.ringkv.protocol.message.TraceContext;
import io.ringkv.ring.Murmur3;
import io.ringkv.server.membership.PeerAddress;
import io.ringkv.server.node.PeerMessenger;
import io.ringkv.server.storage.ReplicaStore;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.time.Clock;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One anti-entropy exchange of one partition with one co-replica, driven by this node.
 *
 * <ol>
 *   <li>Compare roots. Equal roots end the session: one hash crossed the wire.
 *   <li>Descend level by level, asking the peer only for the children of nodes that differed, so k
 *       differing keys cost about {@code 2k × log2(leaves)} hashes.
 *   <li>At the differing leaves, fetch the peer's keys with their entry hashes and list the local ones;
 *       a key whose hashes differ, or that one side lacks, is out of sync.
 *   <li>Sync each such key both ways: read the peer's set, merge it into the local store
 *       ({@link ReplicaStore#apply}), and write the merged set to the peer unless it already has it.
 *       Merging is the DVV-set join, so a tombstone wins over the value it deleted and concurrent
 *       versions survive as siblings on both sides.
 * </ol>
 *
 * <p>Every request and reply is charged to the {@link IoBudget}. Blocking; runs on the anti-entropy
 * thread. Not reusable: one {@link #run()} per instance.
 */
public final class AntiEntropySession {

    /** Leaves asked for per leaf request, so a reply stays far below the frame limit. */
    static final int LEAVES_PER_REQUEST = 16;
    /** Rough wire cost of one tree-node hash (index and hash) and of a request's framing. */
    private static final int HASH_BYTES = 12;

    private static final int FRAME_OVERHEAD_BYTES = 48;

    private final int partition;
    private final String peerNodeId;
    private final PeerAddress peerAddress;
    private final MerkleForest forest;
    private final ReplicaStore store;
    private final PeerMessenger peers;
    private final IoBudget budget;
    private final Clock clock;
    private final long timeoutMillis;

    private long hashesReceived;
    private long keyHashesReceived;
    private long bytesExchanged;

    public AntiEntropySession(
            int partition,
            String peerNodeId,
            PeerAddress peerAddress,
            MerkleForest forest,
            ReplicaStore store,
            PeerMessenger peers,
            IoBudget budget,
            Clock clock,
            long timeoutMillis) {
        this.partition = partition;
        this.peerNodeId = Objects.requireNonNull(peerNodeId, "peerNodeId");
        this.peerAddress = Objects.requireNonNull(peerAddress, "peerAddress");
        this.forest = Objects.requireNonNull(forest, "forest");
        this.store = Objects.requireNonNull(store, "store");
        this.peers = Objects.requireNonNull(peers, "peers");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Runs the exchange to the end.
     *
     * @throws AntiEntropyException when the peer refuses, answers unexpectedly or does not answer
     * @throws InterruptedException when the node is closing
     */
    public ExchangeResult run() throws InterruptedException {
        long startedAtMillis = clock.wallClockMillis();
        PartitionMerkleTree tree = forest.tree(partition);
        int[] leaves = differingLeaves(tree);
        Set<ByteBuffer> outOfSync = outOfSyncKeys(tree.shape(), leaves);
        long keysReceived = 0;
        long keysSent = 0;
        for (ByteBuffer key : outOfSync) {
            SyncOutcome outcome = sync(key.array());
            keysReceived += outcome.received() ? 1 : 0;
            keysSent += outcome.sent() ? 1 : 0;
        }
        return new ExchangeResult(
                partition,
                peerNodeId,
                startedAtMillis,
                hashesReceived,
                keyHashesReceived,
                leaves.length,
                outOfSync.size(),
                keysReceived,
                keysSent,
                bytesExchanged);
    }

    /**
     * Descends from the root, one request per level for the children of the nodes that differed, and
     * returns the differing leaves (0-based); none when the roots agree.
     */
    private int[] differingLeaves(PartitionMerkleTree tree) throws InterruptedException {
        MerkleTreeShape shape = tree.shape();
        int[] level = {1};
        for (int depth = 0; ; depth++) {
            int[] differing = differingNodes(tree, depth, level);
            if (differing.length == 0) {
                return differing;
            }
            if (depth == shape.leafDepth()) {
                return Arrays.stream(differing)
                        .map(index -> index - shape.leafCount())
                        .toArray();
            }
            level = children(differing);
        }
    }

    private int[] differingNodes(PartitionMerkleTree tree, int depth, int[] indexes) throws InterruptedException {
        Map<Integer, Long> remote = remoteHashes(depth, indexes);
        long[] local = tree.hashes(indexes);
        List<Integer> differing = new ArrayList<>();
        for (int i = 0; i < indexes.length; i++) {
            Long theirs = remote.get(indexes[i]);
            if (theirs == null) {
                throw new AntiEntropyException(peerNodeId + " did not send the hash of Merkle node " + indexes[i]
                        + " of partition " + partition);
            }
            if (theirs != local[i]) {
                differing.add(indexes[i]);
            }
        }
        return differing.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] children(int[] parents) {
        int[] children = new int[parents.length * 2];
        for (int i = 0; i < parents.length; i++) {
            children[2 * i] = 2 * parents[i];
            children[2 * i + 1] = 2 * parents[i] + 1;
        }
        return children;
    }

    private Map<Integer, Long> remoteHashes(int depth, int[] indexes) throws InterruptedException {
        charge(FRAME_OVERHEAD_BYTES + 4L * indexes.length);
        Message reply = request(new MerkleRequest(partition, depth, indexes));
        if (!(reply instanceof MerkleReply hashes)) {
            throw unexpected(reply);
        }
        hashesReceived += hashes.hashes().size();
        charge(FRAME_OVERHEAD_BYTES + (long) HASH_BYTES * hashes.hashes().size());
        Map<Integer, Long> byIndex = new HashMap<>();
        for (MerkleHash hash : hashes.hashes()) {
            byIndex.put(hash.index(), hash.hash());
        }
        return byIndex;
    }

    /** Keys whose entry hashes differ between the two sides, or that only one side holds. */
    private Set<ByteBuffer> outOfSyncKeys(MerkleTreeShape shape, int[] leaves) throws InterruptedException {
        Set<ByteBuffer> outOfSync = new LinkedHashSet<>();
        for (int from = 0; from < leaves.length; from += LEAVES_PER_REQUEST) {
            int[] batch = Arrays.copyOfRange(leaves, from, Math.min(leaves.length, from + LEAVES_PER_REQUEST));
            Map<ByteBuffer, Long> remote = remoteKeyHashes(batch);
            Map<ByteBuffer, Long> local = new HashMap<>();
            for (KeyHash entry : LeafEntries.scan(store.engine(), shape, partition, batch)) {
                local.put(ByteBuffer.wrap(entry.key()), entry.hash());
            }
            for (Map.Entry<ByteBuffer, Long> entry : local.entrySet()) {
                if (!entry.getValue().equals(remote.get(entry.getKey()))) {
                    outOfSync.add(entry.getKey());
                }
            }
            for (ByteBuffer key : remote.keySet()) {
                if (!local.containsKey(key)) {
                    outOfSync.add(key);
                }
            }
        }
        return outOfSync;
    }

    private Map<ByteBuffer, Long> remoteKeyHashes(int[] leaves) throws InterruptedException {
        charge(FRAME_OVERHEAD_BYTES + 4L * leaves.length);
        Message reply = request(new MerkleLeafRequest(partition, leaves));
        if (!(reply instanceof MerkleLeafReply leafReply)) {
            throw unexpected(reply);
        }
        keyHashesReceived += leafReply.entries().size();
        long bytes = FRAME_OVERHEAD_BYTES;
        Map<ByteBuffer, Long> byKey = new HashMap<>();
        for (KeyHash entry : leafReply.entries()) {
            byKey.put(ByteBuffer.wrap(entry.key()), entry.hash());
            bytes += entry.key().length + Long.BYTES + 4;
        }
        charge(bytes);
        return byKey;
    }

    /** Merges one key both ways. */
    private SyncOutcome sync(byte[] key) throws InterruptedException {
        StorageKey storageKey = new StorageKey(partition, Murmur3.firstWord(key), key);
        charge(FRAME_OVERHEAD_BYTES + key.length);
        Message readReply = request(new ReplicaReadRequest(key, partition, storageKey.token()));
        if (!(readReply instanceof ReplicaReadReply read)) {
            throw unexpected(readReply);
        }
        charge(FRAME_OVERHEAD_BYTES + read.siblingSet().length);
        SiblingSet theirs = read.siblingSet().length == 0 ? null : SiblingSetCodec.decode(read.siblingSet());
        SiblingSet ours = store.read(storageKey).orElse(null);
        boolean received = false;
        SiblingSet merged;
        if (theirs == null) {
            if (ours == null) {
                return new SyncOutcome(false, false);
            }
            merged = ours;
        } else {
            received = ours == null || !SiblingSets.merge(ours, theirs).equals(ours);
            merged = received ? await(store.apply(storageKey, theirs)) : ours;
        }
        if (theirs != null && merged.equals(theirs)) {
            return new SyncOutcome(received, false);
        }
        byte[] encoded = SiblingSetCodec.encode(merged);
        charge(FRAME_OVERHEAD_BYTES + key.length + encoded.length);
        Message writeReply = request(new ReplicaWriteRequest(key, partition, storageKey.token(), encoded));
        if (!(writeReply instanceof ReplicaWriteReply)) {
            throw unexpected(writeReply);
        }
        return new SyncOutcome(received, true);
    }

    private void charge(long bytes) throws InterruptedException {
        bytesExchanged += bytes;
        budget.spend(bytes);
    }

    private Message request(Message body) throws InterruptedException {
        try {
            return peers.request(peerNodeId, peerAddress, body, TraceContext.EMPTY, timeoutMillis)
                    .toCompletableFuture()
                    .get(timeoutMillis + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw new AntiEntropyException(
                    "anti-entropy request " + body.kind() + " to " + peerNodeId + " failed: " + failed.getCause(),
                    failed.getCause());
        } catch (TimeoutException timedOut) {
            throw new AntiEntropyException(
                    "anti-entropy request " + body.kind() + " to " + peerNodeId + " timed out", timedOut);
        }
    }

    private <T> T await(CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException failed) {
            throw new AntiEntropyException(
                    "merging a key of partition " + partition + " locally failed: " + failed.getCause(),
                    failed.getCause());
        }
    }

    private AntiEntropyException unexpected(Message reply) {
        if (reply instanceof ErrorReply error) {
            return new AntiEntropyException(
                    peerNodeId + " refused an anti-entropy request: " + error.code() + " " + error.message());
        }
        return new AntiEntropyException(peerNodeId + " answered an anti-entropy request with " + reply.kind());
    }

    private record SyncOutcome(boolean received, boolean sent) {}
}
