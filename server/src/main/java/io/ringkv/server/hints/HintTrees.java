package io.ringkv.server.hints;

import io.ringkv.causal.MalformedCausalDataException;
import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSetCodec;
import io.ringkv.causal.SiblingSets;
import io.ringkv.server.storage.StorageException;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.time.Clock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.Serializer;

/**
 * What the {@link HintStore} keeps in its MapDB file and how each change edits it: the {@code hints}
 * and {@code index} B-trees (layout in {@link HintCodec}), the last hint id given out, and the running
 * {@link HintTotals}, which always match the trees.
 *
 * <p>Changes ({@link #add}, {@link #remove}, {@link #expire}) run on the store's writer thread only, inside
 * a batch that the store commits or rolls back; each reads everything it needs before it writes, so a
 * refusal ({@link HintStoreFullException}, or {@link StorageException} for an unreadable record) leaves
 * the trees and totals as they were. {@link #oldest} may run on any thread at the same time: MapDB's
 * B-trees are concurrent structures.
 */
final class HintTrees {

    private static final String HINTS_TREE = "hints";
    private static final String INDEX_TREE = "hint_index";
    private static final String LAST_ID = "last_hint_id";

    private final Path file;
    private final BTreeMap<byte[], byte[]> hints;
    private final BTreeMap<byte[], byte[]> index;
    private final Atomic.Long lastId;
    private final HintConfig config;
    private final Clock clock;
    /** Writer thread only. */
    private HintTotals working;

    private HintTrees(
            Path file,
            BTreeMap<byte[], byte[]> hints,
            BTreeMap<byte[], byte[]> index,
            Atomic.Long lastId,
            HintConfig config,
            Clock clock) {
        this.file = file;
        this.hints = hints;
        this.index = index;
        this.lastId = lastId;
        this.config = config;
        this.clock = clock;
        this.working = countHints(index);
    }

    /** Creates the trees in a new store file. */
    static void create(DB db) {
        // Values outside the tree nodes: a hint carries a whole sibling set, and the index entries are tiny.
        db.treeMap(HINTS_TREE, Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY)
                .valuesOutsideNodesEnable()
                .create();
        db.treeMap(INDEX_TREE, Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY).create();
        db.atomicLong(LAST_ID).create();
    }

    /**
     * Opens the trees of an existing store file and counts its hints.
     *
     * @throws RuntimeException of any kind when the file does not hold readable trees
     */
    static HintTrees open(DB db, Path file, HintConfig config, Clock clock) {
        return new HintTrees(
                file,
                db.treeMap(HINTS_TREE, Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY)
                        .open(),
                db.treeMap(INDEX_TREE, Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY)
                        .open(),
                db.atomicLong(LAST_ID).open(),
                config,
                clock);
    }

    /** Rebuilds the totals from the small index entries; the hints themselves are not read. */
    private static HintTotals countHints(BTreeMap<byte[], byte[]> index) {
        HintTotals totals = new HintTotals();
        Iterator<Map.Entry<byte[], byte[]>> entries = index.entryIterator();
        while (entries.hasNext()) {
            Map.Entry<byte[], byte[]> entry = entries.next();
            totals.add(
                    HintCodec.ownerOf(entry.getKey()),
                    1,
                    HintCodec.decodeIndexValue(entry.getValue()).bytes());
        }
        return totals;
    }

    /** A copy of the current totals (writer thread), to publish after a commit or to restore after a rollback. */
    HintTotals totals() {
        return working.copy();
    }

    /** Puts back the totals of before a batch that was rolled back (writer thread). */
    void restore(HintTotals before) {
        working = before.copy();
    }

    /** Up to {@code limit} hints of {@code owner}, oldest first; any thread. */
    List<Hint> oldest(String owner, byte[] ownerPrefix, int limit) {
        List<Hint> result = new ArrayList<>(Math.min(limit, 1_024));
        Iterator<Map.Entry<byte[], byte[]>> entries = hints.entryIterator(
                HintCodec.firstHintKey(ownerPrefix), true, HintCodec.lastHintKey(ownerPrefix), true);
        while (result.size() < limit && entries.hasNext()) {
            Map.Entry<byte[], byte[]> entry = entries.next();
            // A hint removed while the iterator passes it may come back without a value: skip it.
            if (entry.getValue() != null) {
                result.add(toHint(owner, ownerPrefix, HintCodec.idOf(entry.getKey()), entry.getValue()));
            }
        }
        return result;
    }

    /** Creates the hint of {@code owner} and {@code key}, or merges {@code incoming} into the existing one. */
    void add(String owner, byte[] ownerPrefix, StorageKey key, SiblingSet incoming) {
        byte[] indexKey = HintCodec.indexKey(ownerPrefix, key);
        byte[] indexValue = index.get(indexKey);
        if (indexValue == null) {
            byte[] encodedSet = SiblingSetCodec.encode(incoming);
            int bytes = HintCodec.sizeOf(ownerPrefix, key, encodedSet.length);
            reserve(owner, key, bytes);
            long id = lastId.incrementAndGet();
            hints.put(
                    HintCodec.hintKey(ownerPrefix, id), HintCodec.hintValue(clock.wallClockMillis(), key, encodedSet));
            index.put(indexKey, HintCodec.indexValue(id, bytes));
            working.add(owner, 1, bytes);
            return;
        }
        HintCodec.IndexEntry entry = HintCodec.decodeIndexValue(indexValue);
        byte[] hintKey = HintCodec.hintKey(ownerPrefix, entry.id());
        HintCodec.StoredHint stored = storedHint(owner, key, hintKey);
        SiblingSet storedSet = decodeSet(owner, key, stored.encodedSet());
        SiblingSet merged = SiblingSets.merge(storedSet, incoming);
        if (merged.equals(storedSet)) {
            return;
        }
        byte[] encodedSet = SiblingSetCodec.encode(merged);
        int bytes = HintCodec.sizeOf(ownerPrefix, key, encodedSet.length);
        if (bytes > entry.bytes()) {
            reserve(owner, key, bytes - entry.bytes());
        }
        hints.put(hintKey, HintCodec.hintValue(stored.createdAtMillis(), key, encodedSet));
        index.put(indexKey, HintCodec.indexValue(entry.id(), bytes));
        working.add(owner, 0, bytes - entry.bytes());
    }

    private void reserve(String owner, StorageKey key, long extraBytes) {
        if (working.bytes() + extraBytes > config.maxTotalBytes()) {
            throw new HintStoreFullException(
                    "hint store " + file + " is full: a hint for " + owner + " of " + key + " needs " + extraBytes
                            + " more bytes, " + working.bytes() + " of " + config.maxTotalBytes()
                            + " are taken by " + working.count() + " hints",
                    config.maxTotalBytes());
        }
    }

    /** Deletes {@code hint} if its id and its encoded set are still those stored; returns whether it did. */
    boolean remove(Hint hint, byte[] ownerPrefix, byte[] deliveredSet) {
        byte[] indexKey = HintCodec.indexKey(ownerPrefix, hint.key());
        byte[] indexValue = index.get(indexKey);
        if (indexValue == null) {
            return false;
        }
        HintCodec.IndexEntry entry = HintCodec.decodeIndexValue(indexValue);
        if (entry.id() != hint.id()) {
            return false;
        }
        byte[] hintKey = HintCodec.hintKey(ownerPrefix, entry.id());
        HintCodec.StoredHint stored = storedHint(hint.intendedOwner(), hint.key(), hintKey);
        // The encoding is canonical, so equal bytes mean the very set that was delivered.
        if (!Arrays.equals(stored.encodedSet(), deliveredSet)) {
            return false;
        }
        hints.remove(hintKey);
        index.remove(indexKey);
        working.add(hint.intendedOwner(), -1, -entry.bytes());
        return true;
    }

    /** Returns the number of hints dropped per owner (only owners that lost some). */
    Map<String, Integer> expire() {
        long cutoffMillis = clock.wallClockMillis() - config.maxAgeMillis();
        Map<String, Integer> expired = new LinkedHashMap<>();
        for (String owner : working.owners()) {
            byte[] ownerPrefix = HintCodec.ownerPrefix(owner);
            // Read everything first and write only then, so an unreadable record refuses the expiry cleanly.
            List<byte[]> hintKeys = new ArrayList<>();
            List<byte[]> indexKeys = new ArrayList<>();
            long bytes = 0;
            Iterator<Map.Entry<byte[], byte[]>> entries = hints.entryIterator(
                    HintCodec.firstHintKey(ownerPrefix), true, HintCodec.lastHintKey(ownerPrefix), true);
            while (entries.hasNext()) {
                Map.Entry<byte[], byte[]> entry = entries.next();
                HintCodec.StoredHint stored = HintCodec.decodeHintValue(entry.getValue());
                if (stored.createdAtMillis() >= cutoffMillis) {
                    break;
                }
                byte[] indexKey = HintCodec.indexKey(ownerPrefix, stored.key());
                byte[] indexValue = index.get(indexKey);
                if (indexValue == null) {
                    throw new StorageException("hint " + HintCodec.idOf(entry.getKey()) + " for " + owner + " in "
                            + file + " is missing from the hint index: the file is corrupt. Move it away to start"
                            + " without hints.");
                }
                bytes += HintCodec.decodeIndexValue(indexValue).bytes();
                hintKeys.add(entry.getKey());
                indexKeys.add(indexKey);
            }
            for (int i = 0; i < hintKeys.size(); i++) {
                hints.remove(hintKeys.get(i));
                index.remove(indexKeys.get(i));
            }
            if (!hintKeys.isEmpty()) {
                working.add(owner, -hintKeys.size(), -bytes);
                expired.put(owner, hintKeys.size());
            }
        }
        return expired;
    }

    private HintCodec.StoredHint storedHint(String owner, StorageKey key, byte[] hintKey) {
        byte[] value = hints.get(hintKey);
        if (value == null) {
            throw new StorageException("the hint index of " + file + " names hint " + HintCodec.idOf(hintKey)
                    + " for " + owner + " of " + key + ", which does not exist: the file is corrupt. Move it away"
                    + " to start without hints.");
        }
        return HintCodec.decodeHintValue(value);
    }

    private Hint toHint(String owner, byte[] ownerPrefix, long id, byte[] value) {
        HintCodec.StoredHint stored = HintCodec.decodeHintValue(value);
        SiblingSet set = decodeSet(owner, stored.key(), stored.encodedSet());
        int bytes = HintCodec.sizeOf(ownerPrefix, stored.key(), stored.encodedSet().length);
        return new Hint(id, owner, stored.key(), set, stored.createdAtMillis(), bytes);
    }

    private SiblingSet decodeSet(String owner, StorageKey key, byte[] encodedSet) {
        try {
            return SiblingSetCodec.decode(encodedSet);
        } catch (MalformedCausalDataException e) {
            throw new StorageException(
                    "the hint for " + owner + " of " + key + " in " + file + " is unreadable: " + e.getMessage(), e);
        }
    }
}
