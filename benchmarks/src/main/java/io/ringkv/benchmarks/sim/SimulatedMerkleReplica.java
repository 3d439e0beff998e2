package io.ringkv.benchmarks.sim;

import io.ringkv.protocol.message.KeyHash;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One replica's Merkle forest built over a materialised {@link MerkleKeySpace}: a leaf's hash is the XOR of
 * the entry hashes of its keys (so a write updates it in O(1), as in the design), an inner node's hash
 * mixes its two children. An entry hash stands for the hash of (key ‖ encoded sibling set); here it is a
 * mix of the key number and a version, with 0 meaning "not stored".
 */
public final class SimulatedMerkleReplica implements MerkleSide {

    private final MerkleKeySpace keys;
    private final long[] entryHashes;
    private final long[] tree;

    private SimulatedMerkleReplica(MerkleKeySpace keys, long[] entryHashes) {
        this.keys = keys;
        this.entryHashes = entryHashes;
        MerkleTreeShape shape = keys.shape();
        this.tree = new long[shape.partitions() * shape.nodesPerTree()];
        build();
    }

    /**
     * Two replicas of every key, then {@code divergent} distinct keys made to differ: two in three hold a
     * different version on the peer, one in three is missing on the peer.
     *
     * @return the initiator's replica and the peer's, in that order
     */
    public static SimulatedMerkleReplica[] divergentPair(MerkleKeySpace keys, int divergent, long seed) {
        if (divergent > keys.keyCount()) {
            throw new IllegalArgumentException("cannot diverge " + divergent + " of " + keys.keyCount() + " keys");
        }
        long[] initiator = new long[keys.keyCount()];
        for (int key = 0; key < initiator.length; key++) {
            initiator[key] = entryHash(key, 1);
        }
        long[] peer = initiator.clone();
        SplittableRandom random = new SplittableRandom(seed);
        int changed = 0;
        while (changed < divergent) {
            int key = random.nextInt(peer.length);
            if (peer[key] != initiator[key]) {
                continue;
            }
            peer[key] = changed % 3 == 2 ? 0 : entryHash(key, 2);
            changed++;
        }
        return new SimulatedMerkleReplica[] {
            new SimulatedMerkleReplica(keys, initiator), new SimulatedMerkleReplica(keys, peer)
        };
    }

    @Override
    public long hash(int partition, int index) {
        return tree[partition * keys.shape().nodesPerTree() + index];
    }

    @Override
    public List<KeyHash> entries(int partition, int leaf) {
        int globalLeaf = partition * keys.shape().leavesPerPartition() + leaf;
        List<KeyHash> entries = new ArrayList<>(keys.leafEnd(globalLeaf) - keys.leafStart(globalLeaf));
        for (int position = keys.leafStart(globalLeaf); position < keys.leafEnd(globalLeaf); position++) {
            int key = keys.keyAt(position);
            if (entryHashes[key] != 0) {
                entries.add(new KeyHash(MerkleKeySpace.keyBytes(key), entryHashes[key]));
            }
        }
        return entries;
    }

    private void build() {
        MerkleTreeShape shape = keys.shape();
        int leaves = shape.leavesPerPartition();
        int nodes = shape.nodesPerTree();
        int firstLeaf = MerkleTreeShape.firstIndexAt(shape.leafDepth());
        for (int partition = 0; partition < shape.partitions(); partition++) {
            int base = partition * nodes;
            for (int leaf = 0; leaf < leaves; leaf++) {
                int globalLeaf = partition * leaves + leaf;
                long hash = 0;
                for (int position = keys.leafStart(globalLeaf); position < keys.leafEnd(globalLeaf); position++) {
                    hash ^= entryHashes[keys.keyAt(position)];
                }
                tree[base + firstLeaf + leaf] = hash;
            }
            for (int index = firstLeaf - 1; index >= 0; index--) {
                tree[base + index] = mix(tree[base + 2 * index + 1] * 31 + tree[base + 2 * index + 2]);
            }
        }
    }

    private static long entryHash(int key, int version) {
        long hash = mix(((long) key << 8) ^ version);
        return hash == 0 ? 1 : hash;
    }

    /** SplitMix64's finaliser: a cheap, well-spread 64-bit mix. */
    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
