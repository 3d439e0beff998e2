package io.ringkv.server.coordinator;

import io.ringkv.causal.Version;
import io.ringkv.protocol.message.ClientSibling;
import java.util.List;
import java.util.Objects;

/**
 * The reconciled answer to a read.
 *
 * @param siblings the live concurrent values (empty when the key is absent or deleted)
 * @param context the opaque causal context covering everything the replicas returned; send it back
 *     with the next write so that write supersedes what was read. Non-empty even for a deleted key,
 *     so a write after a delete does not resurrect the deleted versions as siblings.
 * @param coordinator the node that coordinated the read
 */
public record ReadResult(List<ClientSibling> siblings, byte[] context, String coordinator) {

    public ReadResult {
        siblings = List.copyOf(siblings);
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(coordinator, "coordinator");
    }

    /** The answer for the live versions of a reconciled sibling set. */
    public static ReadResult of(List<Version> liveVersions, byte[] context, String coordinator) {
        return new ReadResult(
                liveVersions.stream()
                        .map(version -> new ClientSibling(version.value(), version.wallClockMillis()))
                        .toList(),
                context,
                coordinator);
    }

    public boolean found() {
        return !siblings.isEmpty();
    }
}
