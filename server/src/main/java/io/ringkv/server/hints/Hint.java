package io.ringkv.server.hints;

import io.ringkv.causal.SiblingSet;
import io.ringkv.server.storage.StorageKey;
import java.util.Objects;

/**
 * One stored hint as {@link HintStore#oldest} read it: everything a stand-in holds for
 * {@code intendedOwner} about one key. Later adds for the same owner and key merge into the same hint
 * (same id), so a hint read earlier may be outdated; {@link HintStore#remove} checks that.
 *
 * @param id the hint's id, unique within its store and increasing in the order hints were created
 * @param intendedOwner the node id of the replica the writes were meant for
 * @param key the key
 * @param set every write for this owner and key merged into one sibling set
 * @param createdAtMillis wall-clock time of the hint's first write: its age, which
 *     {@link HintConfig#maxAgeMillis()} bounds, is that of the oldest write it carries
 * @param bytes what the hint takes in the store (its records' keys and values, before the file's own
 *     overhead); the sum over all hints is bounded by {@link HintConfig#maxTotalBytes()}
 */
public record Hint(long id, String intendedOwner, StorageKey key, SiblingSet set, long createdAtMillis, int bytes) {

    public Hint {
        Objects.requireNonNull(intendedOwner, "intendedOwner");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(set, "set");
    }
}
