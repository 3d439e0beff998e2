package io.ringkv.server.node;

import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.admin.AdminService;
import io.ringkv.server.admin.RingReport;
import io.ringkv.server.admin.StatusReport;
import io.ringkv.server.cluster.Topology;
import io.ringkv.server.hints.HintStore;
import io.ringkv.server.membership.EndpointState;
import io.ringkv.server.membership.MembershipView;
import io.ringkv.server.telemetry.NodeMetrics;
import java.util.ArrayList;
import java.util.List;

/** Builds the admin reports from the node's published topology, hints and metrics; never blocks. */
final class NodeAdminService implements AdminService {

    private final String clusterName;
    private final String storageEngine;
    private final Topology topology;
    private final HintStore hints;
    private final NodeMetrics metrics;

    NodeAdminService(
            String clusterName, String storageEngine, Topology topology, HintStore hints, NodeMetrics metrics) {
        this.clusterName = clusterName;
        this.storageEngine = storageEngine;
        this.topology = topology;
        this.hints = hints;
        this.metrics = metrics;
    }

    @Override
    public StatusReport status() {
        MembershipView view = topology.view();
        RingSnapshot ring = topology.ring();
        List<StatusReport.MemberStatus> members = new ArrayList<>();
        for (MembershipView.Member member : view.members().values()) {
            EndpointState state = member.state();
            int owned = ring == null ? 0 : ring.ownedCount(member.nodeId());
            int replicated = ring == null
                    ? 0
                    : ring.partitionsReplicatedBy(member.nodeId()).size();
            double percent = ring == null ? 0 : 100.0 * owned / ring.partitionCount();
            members.add(new StatusReport.MemberStatus(
                    member.nodeId(),
                    state.host(),
                    state.binaryPort(),
                    state.httpPort(),
                    state.rack(),
                    state.status().name(),
                    member.nodeId().equals(view.localNodeId()) || member.alive(),
                    member.phi(),
                    owned,
                    replicated,
                    Math.round(percent * 10) / 10.0));
        }
        return new StatusReport(
                view.localNodeId(),
                clusterName,
                ring == null ? 0 : ring.version(),
                storageEngine,
                hints.pendingCount(),
                members,
                metrics.snapshot());
    }

    @Override
    public RingReport ring() {
        RingSnapshot ring = topology.ring();
        return ring == null ? RingReport.none() : RingReport.of(ring, topology.transition());
    }
}
