package io.ringkv.consistency.nemesis;

import io.ringkv.consistency.cluster.LocalCluster;
import java.time.Duration;

/**
 * Injects and heals one {@link Fault} on a real cluster: partitions through a {@link
 * NetworkPartitioner}; kill -9 and restart, SIGSTOP and SIGCONT, join and decommission through the {@link
 * LocalCluster}, which only signals processes it started.
 *
 * <p>Used from one nemesis thread at a time.
 */
public final class FaultInjector implements FaultActions {

    /** A join or decommission: start-up, settle rounds and streaming a test's data set on a busy machine. */
    private static final Duration MEMBERSHIP_CHANGE_TIMEOUT = Duration.ofSeconds(90);

    private final LocalCluster cluster;
    private final NetworkPartitioner partitioner;

    public FaultInjector(LocalCluster cluster, NetworkPartitioner partitioner) {
        this.cluster = cluster;
        this.partitioner = partitioner;
    }

    /** How partitions are made: {@code nftables} or {@code link-filter}. */
    public String partitionMechanism() {
        return partitioner.mechanism();
    }

    @Override
    public void inject(Fault fault) {
        if (fault instanceof Fault.Partition partition) {
            partitioner.partition(partition.grudge());
        } else if (fault instanceof Fault.Kill kill) {
            kill.nodes().forEach(cluster::kill);
        } else if (fault instanceof Fault.Pause pause) {
            pause.nodes().forEach(cluster::pause);
        } else if (fault instanceof Fault.Join join) {
            cluster.join(join.node(), MEMBERSHIP_CHANGE_TIMEOUT);
        }
    }

    /** Undoes {@code fault}; nodes that are already running again are left alone. */
    @Override
    public void heal(Fault fault) {
        if (fault instanceof Fault.Partition) {
            partitioner.heal();
        } else if (fault instanceof Fault.Kill kill) {
            for (String node : kill.nodes()) {
                if (!cluster.isRunning(node)) {
                    cluster.restart(node);
                }
            }
        } else if (fault instanceof Fault.Pause pause) {
            pause.nodes().forEach(cluster::resume);
        } else if (fault instanceof Fault.Join join && cluster.nodeIds().contains(join.node())) {
            cluster.decommission(join.node(), MEMBERSHIP_CHANGE_TIMEOUT);
        }
    }
}
