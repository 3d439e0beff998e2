package io.ringkv.consistency.nemesis;

import io.ringkv.consistency.cluster.BinaryCall;
import io.ringkv.consistency.cluster.LocalCluster;
import io.ringkv.consistency.cluster.NodeSpec;
import io.ringkv.protocol.AdminCommand;
import io.ringkv.protocol.message.AdminReply;
import io.ringkv.protocol.message.AdminRequest;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sets a node's link filter with the binary admin command {@code SET_LINK_FILTER}: the argument lists
 * the peers the node stops sending internode traffic to, comma-separated; an empty argument heals.
 */
public final class AdminLinkFilter implements LinkFilterPartitioner.LinkFilterControl {

    private final LocalCluster cluster;
    private final Duration timeout;

    public AdminLinkFilter(LocalCluster cluster, Duration timeout) {
        this.cluster = cluster;
        this.timeout = timeout;
    }

    @Override
    public void block(String node, Set<String> peers) {
        NodeSpec spec = cluster.node(node);
        String argument = String.join(",", new TreeSet<>(peers));
        Message reply;
        try {
            reply = BinaryCall.request(
                    spec.host(), spec.binaryPort(), new AdminRequest(AdminCommand.SET_LINK_FILTER, argument), timeout);
        } catch (IOException failure) {
            throw new IllegalStateException("cannot reach " + node + " to set its link filter: " + failure, failure);
        }
        if (reply instanceof ErrorReply error) {
            throw new IllegalStateException(node + " refused its link filter: " + error.code() + " " + error.message());
        }
        if (!(reply instanceof AdminReply)) {
            throw new IllegalStateException(node + " answered the link filter with " + reply.kind());
        }
    }
}
