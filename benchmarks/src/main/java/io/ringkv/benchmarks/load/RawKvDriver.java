package io.ringkv.benchmarks.load;

import io.ringkv.benchmarks.load.raw.RawClient;
import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.PutReply;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.RingSnapshot;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Benchmark operations over the {@link RawClient}: routes each request itself, by the ring fetched at
 * start-up, and sends one frame per operation, with no retry and no failover.
 */
public final class RawKvDriver implements KvDriver {

    private final RawClient client;
    private final Routing routing;
    private final SharedRandom random;
    private final int readQuorum;
    private final int writeQuorum;
    private final long timeoutMillis;
    private final List<String> nodeIds;

    /**
     * @param readQuorum R sent with every read (0 = the node's default)
     * @param writeQuorum W sent with every update (0 = the node's default)
     * @param timeoutMillis sent to the coordinator as its budget; the client waits 200 ms longer for its answer
     */
    public RawKvDriver(
            RawClient client, Routing routing, long seed, int readQuorum, int writeQuorum, long timeoutMillis) {
        this.client = client;
        this.routing = routing;
        this.random = new SharedRandom(seed);
        this.readQuorum = readQuorum;
        this.writeQuorum = writeQuorum;
        this.timeoutMillis = timeoutMillis;
        this.nodeIds = client.ring().nodes().values().stream()
                .filter(NodeInfo::alive)
                .map(NodeInfo::nodeId)
                .toList();
    }

    @Override
    public CompletionStage<ReadOutcome> read(byte[] key) {
        GetRequest request = new GetRequest(key, readQuorum, Consistency.DEFAULT, timeoutMillis);
        return client.send(target(key), request, clientTimeoutMillis()).thenApply(reply -> {
            GetReply get = (GetReply) reply;
            return new ReadOutcome(get.found(), get.siblings().size(), get.context());
        });
    }

    @Override
    public CompletionStage<byte[]> update(byte[] key, byte[] value, byte[] context) {
        PutRequest request = new PutRequest(key, value, context, writeQuorum, Consistency.DEFAULT, timeoutMillis);
        return client.send(target(key), request, clientTimeoutMillis())
                .thenApply(reply -> ((PutReply) reply).context());
    }

    /** The node the request goes to, by the routing mode. */
    String target(byte[] key) {
        RingSnapshot ring = client.ring();
        if (routing == Routing.RANDOM) {
            return nodeIds.get(random.nextInt(nodeIds.size()));
        }
        List<String> replicas = ring.preferenceListForKey(key);
        for (String replica : replicas) {
            if (client.isConnected(replica)
                    && ring.node(replica).map(NodeInfo::alive).orElse(false)) {
                return replica;
            }
        }
        // Nobody looks alive: try the first replica anyway and let the failure be counted.
        return replicas.get(0);
    }

    private long clientTimeoutMillis() {
        // As the SDK does: the coordinator answers TIMEOUT within its budget, so wait a little longer
        // for that answer rather than racing it.
        return timeoutMillis + 200;
    }

    @Override
    public void close() {
        client.close();
    }
}
