package io.ringkv.client.testing;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.ringkv.client.RingKvClient;
import io.ringkv.client.RingKvClientBuilder;
import io.ringkv.client.internal.topology.SnapshotMapper;
import io.ringkv.protocol.NodeStatus;
import io.ringkv.protocol.message.NodeEntry;
import io.ringkv.protocol.message.RingSnapshotReply;
import io.ringkv.ring.PartitionAssigner;
import io.ringkv.ring.RingSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Several {@link FakeNode}s on 127.0.0.1 ephemeral ports sharing one scripted ring (balanced
 * ownership of {@value #PARTITIONS} partitions, N = 3 by default) and one {@link FakeStore}. Tests change
 * the ring (new owners, a higher version, a node marked dead) and every node answers with it.
 */
public final class FakeCluster implements AutoCloseable {

    public static final int PARTITIONS = 64;

    private final EventLoopGroup group = new NioEventLoopGroup(2);
    private final List<FakeNode> nodes = new ArrayList<>();
    private final FakeStore store = new FakeStore();
    private final Set<String> dead = ConcurrentHashMap.newKeySet();
    private final int replicationFactor;
    private volatile long ringVersion = 1;
    private volatile String[] owners;

    private FakeCluster(int nodeCount, int replicationFactor) {
        this.replicationFactor = replicationFactor;
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= nodeCount; i++) {
            String id = "node-" + i;
            ids.add(id);
            nodes.add(new FakeNode(id, this, group).start());
        }
        this.owners = new PartitionAssigner(replicationFactor).initial(ids, PARTITIONS);
    }

    public static FakeCluster start(int nodeCount) {
        return new FakeCluster(nodeCount, 3);
    }

    public static FakeCluster start(int nodeCount, int replicationFactor) {
        return new FakeCluster(nodeCount, replicationFactor);
    }

    public FakeNode node(int oneBased) {
        return nodes.get(oneBased - 1);
    }

    public FakeNode node(String nodeId) {
        for (FakeNode node : nodes) {
            if (node.nodeId().equals(nodeId)) {
                return node;
            }
        }
        throw new IllegalArgumentException("no fake node " + nodeId);
    }

    public List<FakeNode> nodes() {
        return List.copyOf(nodes);
    }

    public FakeStore store() {
        return store;
    }

    public long ringVersion() {
        return ringVersion;
    }

    /** Publishes a new ring: new owners under a higher version. */
    public void changeRing(long newVersion, String[] newOwners) {
        this.owners = newOwners.clone();
        this.ringVersion = newVersion;
    }

    /** Every partition owned by {@code nodeId}, under a higher version: all keys route to it. */
    public void giveEverythingTo(String nodeId, long newVersion) {
        String[] all = new String[PARTITIONS];
        java.util.Arrays.fill(all, nodeId);
        changeRing(newVersion, all);
    }

    /** Marks a node dead (or alive again) in the snapshots the nodes serve. */
    public void setAlive(String nodeId, boolean alive) {
        if (alive) {
            dead.remove(nodeId);
        } else {
            dead.add(nodeId);
        }
    }

    public RingSnapshotReply snapshotReply() {
        List<NodeEntry> entries = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (FakeNode node : nodes) {
            index.put(node.nodeId(), entries.size());
            entries.add(new NodeEntry(
                    node.nodeId(), "127.0.0.1", node.port(), 0, "", NodeStatus.NORMAL, !dead.contains(node.nodeId())));
        }
        String[] current = owners;
        int[] ownerIndexes = new int[current.length];
        for (int partition = 0; partition < current.length; partition++) {
            ownerIndexes[partition] = index.get(current[partition]);
        }
        return new RingSnapshotReply(ringVersion, PARTITIONS, replicationFactor, entries, ownerIndexes);
    }

    /** The ring as the client computes it from the snapshot. */
    public RingSnapshot ring() {
        return SnapshotMapper.toSnapshot(snapshotReply());
    }

    public List<String> replicasOf(String key) {
        return ring().preferenceListForKey(key.getBytes(StandardCharsets.UTF_8));
    }

    /** A builder with every node as seed, short timeouts and a fixed random seed. */
    public RingKvClientBuilder clientBuilder() {
        RingKvClientBuilder builder = RingKvClient.builder()
                .requestTimeout(Duration.ofSeconds(2))
                .connectTimeout(Duration.ofMillis(500))
                .bootstrapTimeout(Duration.ofSeconds(3))
                .ioThreads(1)
                .randomSeed(42);
        for (FakeNode node : nodes) {
            builder.seeds(node.address());
        }
        return builder;
    }

    /** A client with the defaults of {@link #clientBuilder()}. */
    public RingKvClient client() {
        return clientBuilder().build();
    }

    /** A loopback port nothing listens on (it was free a moment ago). */
    public static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (FakeNode node : nodes) {
            node.stop();
        }
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
