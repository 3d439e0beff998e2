package io.ringkv.consistency.checker;

import java.util.List;
import java.util.Objects;

/**
 * What one replica held for one key when the convergence check asked it: its stored versions in a
 * canonical text form (each version's dot and value, sorted), or why it could not be read.
 *
 * @param node the replica's node id
 * @param versions the stored versions, sorted; empty when the replica holds nothing for the key;
 *     {@code null} when the replica could not be read
 * @param error why the replica could not be read; {@code null} when it was
 */
public record ReplicaState(String node, List<String> versions, String error) {

    public ReplicaState {
        Objects.requireNonNull(node, "node");
        if ((versions == null) == (error == null)) {
            throw new IllegalArgumentException("a replica state has either versions or an error");
        }
        versions =
                versions == null ? null : List.copyOf(versions.stream().sorted().toList());
    }

    public static ReplicaState read(String node, List<String> versions) {
        return new ReplicaState(node, versions, null);
    }

    public static ReplicaState unreadable(String node, String error) {
        return new ReplicaState(node, null, error);
    }

    public boolean readable() {
        return versions != null;
    }
}
