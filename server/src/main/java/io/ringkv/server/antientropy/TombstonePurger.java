package io.ringkv.server.antientropy;

import io.ringkv.causal.MalformedCausalDataException;
import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSetCodec;
import io.ringkv.causal.Version;
import io.ringkv.server.storage.CloseableIterator;
import io.ringkv.server.storage.ReplicaStore;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.StoredEntry;
import io.ringkv.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

/**
 * Physically removes keys whose stored set is only tombstones, once it is safe: every tombstone is older
 * than the grace period, <b>and</b> the key's partition completed an anti-entropy exchange with every
 * co-replica that started after the newest tombstone was written. The second condition means every
 * replica already holds the tombstone (or something newer), so none can hand the deleted value back.
 * The grace period is validated to be at least the hint window, so no stored hint older than a purged
 * tombstone can replay the deleted value either.
 *
 * <p>The check is repeated under the key's lock ({@link ReplicaStore#removeIf}), so a write that lands
 * between the scan and the removal keeps the key; the removal reaches the Merkle tree like any change.
 * Blocking; runs on the anti-entropy thread.
 */
public final class TombstonePurger {

    private final ReplicaStore store;
    private final long graceMillis;
    private final Clock clock;
    private final ExchangeLog exchanges;

    public TombstonePurger(ReplicaStore store, long graceMillis, Clock clock, ExchangeLog exchanges) {
        this.store = Objects.requireNonNull(store, "store");
        this.graceMillis = graceMillis;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.exchanges = Objects.requireNonNull(exchanges, "exchanges");
    }

    /**
     * Purges what is safe to purge in one partition.
     *
     * @return the number of keys removed
     */
    public long purge(int partition) throws InterruptedException {
        List<StorageKey> candidates = new ArrayList<>();
        try (CloseableIterator<StoredEntry> scan = store.engine().scanPartition(partition)) {
            while (scan.hasNext()) {
                StoredEntry entry = scan.next();
                if (purgeable(partition, decodeOrNull(entry.value()))) {
                    candidates.add(entry.key());
                }
            }
        }
        long purged = 0;
        for (StorageKey key : candidates) {
            try {
                if (store.removeIf(key, set -> purgeable(partition, set)).get()) {
                    purged++;
                }
            } catch (ExecutionException failed) {
                throw new AntiEntropyException("purging " + key + " failed: " + failed.getCause(), failed.getCause());
            }
        }
        return purged;
    }

    /** A value that does not decode is never purged: it is left for an operator, like every corrupt value. */
    private static SiblingSet decodeOrNull(byte[] encoded) {
        try {
            return SiblingSetCodec.decode(encoded);
        } catch (MalformedCausalDataException corrupt) {
            return null;
        }
    }

    /** Only tombstones, all past the grace period, and exchanged with every co-replica since the newest. */
    boolean purgeable(int partition, SiblingSet set) {
        if (set == null || set.versions().isEmpty() || !set.isAbsent()) {
            return false;
        }
        long newestTombstoneMillis = set.versions().stream()
                .mapToLong(Version::wallClockMillis)
                .max()
                .orElseThrow();
        return newestTombstoneMillis + graceMillis <= clock.wallClockMillis()
                && exchanges.exchangedWithEveryCoReplicaAfter(partition, newestTombstoneMillis);
    }
}
