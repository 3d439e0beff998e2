package io.ringkv.causal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a replica stores for one key: the concurrent versions (siblings, possibly tombstones) and the
 * causal context covering every write this replica has seen for the key (a dotted version vector set).
 *
 * <p>Invariant: every sibling's dot is covered by {@code context}. Siblings are kept sorted by dot so
 * that equal sets encode to equal bytes (Merkle hashes depend on it).
 */
public record SiblingSet(List<Version> versions, VersionVector context) {

    public static final SiblingSet EMPTY = new SiblingSet(List.of(), VersionVector.EMPTY);

    public SiblingSet {
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(context, "context");
        List<Version> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(Version::dot));
        for (int i = 0; i < sorted.size(); i++) {
            Version version = sorted.get(i);
            if (!context.covers(version.dot())) {
                throw new IllegalArgumentException(
                        "sibling " + version.dot() + " is not covered by context " + context);
            }
            if (i > 0 && sorted.get(i - 1).dot().equals(version.dot())) {
                throw new IllegalArgumentException("two siblings share dot " + version.dot());
            }
        }
        versions = List.copyOf(sorted);
    }

    /** True when no version is stored, or only tombstones are. */
    public boolean isAbsent() {
        return versions.stream().allMatch(Version::tombstone);
    }

    /** The live (non-tombstone) siblings. */
    public List<Version> liveVersions() {
        return versions.stream().filter(version -> !version.tombstone()).toList();
    }
}
