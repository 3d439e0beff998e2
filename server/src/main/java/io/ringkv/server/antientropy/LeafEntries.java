package io.ringkv.server.antientropy;

import io.ringkv.protocol.message.KeyHash;
import io.ringkv.server.storage.CloseableIterator;
import io.ringkv.server.storage.StorageEngine;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.StoredEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lists the keys under some leaves of a partition with their entry hashes, by scanning only the leaves'
 * token ranges (one resumed scan per run of adjacent leaves). The trees keep no per-key state, so their
 * memory does not grow with the data; the price is one short range scan per differing leaf.
 */
public final class LeafEntries {

    private LeafEntries() {}

    /**
     * @param leaves leaf numbers (0-based), in any order; duplicates are ignored
     * @return every stored key of those leaves with its entry hash, in key order
     */
    public static List<KeyHash> scan(StorageEngine engine, MerkleTreeShape shape, int partition, int[] leaves) {
        int[] sorted = Arrays.stream(leaves).distinct().sorted().toArray();
        for (int leaf : sorted) {
            if (leaf < 0 || leaf >= shape.leafCount()) {
                throw new IllegalArgumentException(
                        "leaf " + leaf + " does not exist in a tree of " + shape.leafCount() + " leaves");
            }
        }
        List<KeyHash> entries = new ArrayList<>();
        int runStart = 0;
        while (runStart < sorted.length) {
            int runEnd = runStart;
            while (runEnd + 1 < sorted.length && sorted[runEnd + 1] == sorted[runEnd] + 1) {
                runEnd++;
            }
            scanRun(engine, shape, partition, sorted[runStart], sorted[runEnd], entries);
            runStart = runEnd + 1;
        }
        return entries;
    }

    private static void scanRun(
            StorageEngine engine,
            MerkleTreeShape shape,
            int partition,
            int firstLeaf,
            int lastLeaf,
            List<KeyHash> into) {
        try (CloseableIterator<StoredEntry> scan = openAt(engine, shape, partition, firstLeaf)) {
            while (scan.hasNext()) {
                StoredEntry entry = scan.next();
                int leaf = shape.leafOf(entry.key().token());
                if (leaf > lastLeaf) {
                    return;
                }
                if (leaf >= firstLeaf) {
                    into.add(new KeyHash(
                            entry.key().key(), EntryHashes.entryHash(entry.key().key(), entry.value())));
                }
            }
        }
    }

    /**
     * A scan from the first key of {@code leaf}: resumed after the smallest possible key of the token
     * just before the leaf, so it may return a few keys of the previous leaf, which the caller skips.
     */
    private static CloseableIterator<StoredEntry> openAt(
            StorageEngine engine, MerkleTreeShape shape, int partition, int leaf) {
        if (leaf == 0) {
            return engine.scanPartition(partition);
        }
        long firstToken = shape.firstTokenOf(partition, leaf);
        byte[] before = new StorageKey(partition, firstToken - 1, new byte[0]).encode();
        return engine.scanPartitionFrom(partition, before);
    }
}
