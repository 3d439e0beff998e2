package io.ringkv.server.streaming;

import java.util.List;
import java.util.Objects;

/**
 * One partition copy a transition needs: {@code gainer} becomes a replica of {@code partition} and gets
 * its data from the first reachable of {@code sources}.
 *
 * @param sources current replicas of the partition in order of preference (never the gainer)
 */
public record PartitionTransfer(int partition, String gainer, List<String> sources) {

    public PartitionTransfer {
        Objects.requireNonNull(gainer, "gainer");
        sources = List.copyOf(sources);
        if (sources.contains(gainer)) {
            throw new IllegalArgumentException(gainer + " cannot stream partition " + partition + " from itself");
        }
    }

    /** The key under which progress is persisted: {@code <partition>:<gainer>}. */
    public String progressKey() {
        return partition + ":" + gainer;
    }
}
