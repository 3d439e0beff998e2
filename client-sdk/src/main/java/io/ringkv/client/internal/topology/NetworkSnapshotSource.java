package io.ringkv.client.internal.topology;

import io.ringkv.client.config.HostAndPort;
import io.ringkv.client.internal.channel.CallFailure;
import io.ringkv.client.internal.channel.ChannelConnector;
import io.ringkv.client.internal.channel.PendingCall;
import io.ringkv.client.internal.pool.NodePool;
import io.ringkv.client.internal.pool.NodePools;
import io.ringkv.client.internal.timer.Cancellable;
import io.ringkv.client.internal.timer.Scheduler;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.RingSnapshotReply;
import io.ringkv.protocol.message.RingSnapshotRequest;
import io.ringkv.protocol.message.TraceContext;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches ring snapshots over the network: from a seed on a short-lived connection of its own (seeds are
 * addresses, not yet nodes with pools), or from a known node over its pool.
 */
public final class NetworkSnapshotSource implements SnapshotSource {

    private final ChannelConnector connector;
    private final NodePools pools;
    private final Scheduler scheduler;
    private final long timeoutNanos;

    /** @param timeoutNanos how long one fetch may wait for its reply */
    public NetworkSnapshotSource(ChannelConnector connector, NodePools pools, Scheduler scheduler, long timeoutNanos) {
        this.connector = connector;
        this.pools = pools;
        this.scheduler = scheduler;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public CompletableFuture<RingSnapshotReply> fromSeed(HostAndPort seed) {
        return connector.connect(seed.toSocketAddress()).thenCompose(connection -> {
            PendingCall call = new PendingCall(RingSnapshotRequest.INSTANCE, 0, TraceContext.EMPTY);
            Cancellable timeout = scheduler.schedule(
                    () -> call.fail(CallFailure.TIMED_OUT, "no ring snapshot from " + seed + " in time", null),
                    timeoutNanos);
            call.onFinish(timeout::cancel);
            call.onFinish(connection::close);
            connection.write(call);
            return call.future().thenApply(envelope -> snapshotOf(envelope, seed.toString()));
        });
    }

    @Override
    public CompletableFuture<RingSnapshotReply> fromNode(String nodeId) {
        NodePool pool = pools.get(nodeId);
        if (pool == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(nodeId + " has no connection pool"));
        }
        PendingCall call = pool.send(RingSnapshotRequest.INSTANCE, 0, TraceContext.EMPTY, timeoutNanos);
        return call.future().thenApply(envelope -> snapshotOf(envelope, nodeId));
    }

    private static RingSnapshotReply snapshotOf(Envelope envelope, String source) {
        if (envelope.body() instanceof RingSnapshotReply snapshot) {
            return snapshot;
        }
        if (envelope.body() instanceof ErrorReply error) {
            throw new IllegalStateException(source + " answered " + error.code() + ": " + error.message());
        }
        throw new IllegalStateException(source + " answered a ring snapshot request with "
                + envelope.body().kind());
    }
}
