package io.ringkv.benchmarks.sim;

import io.ringkv.protocol.message.KeyHash;
import java.util.List;

/**
 * One replica's side of a Merkle exchange as the {@link MerkleExchange} sees it: the hash of any tree node
 * and the entries stored under a leaf. Implemented by a real tree over materialised keys
 * ({@link SimulatedMerkleReplica}) and by a model that derives both from the tree shape
 * ({@link ModelledMerkleReplicas}).
 */
public interface MerkleSide {

    /** The hash of the tree node at heap index {@code index} of {@code partition}'s tree. */
    long hash(int partition, int index);

    /** Every stored key under leaf {@code leaf} (0-based within the partition) with its entry hash. */
    List<KeyHash> entries(int partition, int leaf);
}
