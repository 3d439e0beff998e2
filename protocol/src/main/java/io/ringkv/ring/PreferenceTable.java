package io.ringkv.ring;

/**
 * Builds the per-partition preference lists of a ring as one flat {@code int[]} of node indexes,
 * {@code rowLength} entries per partition. Part of {@link RingSnapshot}'s construction.
 *
 * <p>Walking clockwise from every partition would cost O(Q²) on unlucky assignments, so the table is
 * built right to left with a recurrence instead. Let D(p) be the distinct owners in the order they are
 * first met walking clockwise from p. Then D(p) is owner(p) followed by D(p+1) without owner(p), and the
 * first N entries of D(p) depend only on the first N entries of D(p+1). The same holds for the racks met
 * from p (each with the first node met in it). One pass right to left computes the lists of partition 0
 * (which sees the whole ring); a second pass, seeded with them, yields every row: O(Q·N²) in total.
 */
final class PreferenceTable {

    private final int[] ownerIndex;
    private final int[] rackOfNode;
    private final int replicationFactor;
    private final int rowLength;

    private final int[] distinctNodes;
    private int distinctSize;
    private final int[] scratchNodes;

    private final int[] rackKeys;
    private final int[] rackNodes;
    private int rackSize;
    private final int[] scratchRackKeys;
    private final int[] scratchRackNodes;

    /**
     * @param ownerIndex node index owning each partition
     * @param rackOfNode rack number of each node index, or null when the ring is not rack-aware
     * @param replicationFactor N
     * @param rowLength min(N, number of distinct owners)
     */
    private PreferenceTable(int[] ownerIndex, int[] rackOfNode, int replicationFactor, int rowLength) {
        this.ownerIndex = ownerIndex;
        this.rackOfNode = rackOfNode;
        this.replicationFactor = replicationFactor;
        this.rowLength = rowLength;
        this.distinctNodes = new int[replicationFactor];
        this.scratchNodes = new int[replicationFactor];
        this.rackKeys = new int[replicationFactor];
        this.rackNodes = new int[replicationFactor];
        this.scratchRackKeys = new int[replicationFactor];
        this.scratchRackNodes = new int[replicationFactor];
    }

    /** Returns the table: row {@code p} is {@code table[p * rowLength, (p + 1) * rowLength)}. */
    static int[] build(int[] ownerIndex, int[] rackOfNode, int replicationFactor, int rowLength) {
        return new PreferenceTable(ownerIndex, rackOfNode, replicationFactor, rowLength).build();
    }

    private int[] build() {
        int partitionCount = ownerIndex.length;
        for (int partition = partitionCount - 1; partition >= 0; partition--) {
            step(ownerIndex[partition]);
        }
        int[] table = new int[partitionCount * rowLength];
        for (int partition = partitionCount - 1; partition >= 0; partition--) {
            step(ownerIndex[partition]);
            writeRow(table, partition * rowLength);
        }
        return table;
    }

    /** Turns the lists of partition p+1 into those of partition p, whose owner is {@code owner}. */
    private void step(int owner) {
        scratchNodes[0] = owner;
        int size = 1;
        for (int i = 0; i < distinctSize && size < replicationFactor; i++) {
            if (distinctNodes[i] != owner) {
                scratchNodes[size++] = distinctNodes[i];
            }
        }
        System.arraycopy(scratchNodes, 0, distinctNodes, 0, size);
        distinctSize = size;

        if (rackOfNode != null) {
            int rack = rackOfNode[owner];
            scratchRackKeys[0] = rack;
            scratchRackNodes[0] = owner;
            int racks = 1;
            for (int i = 0; i < rackSize && racks < replicationFactor; i++) {
                if (rackKeys[i] != rack) {
                    scratchRackKeys[racks] = rackKeys[i];
                    scratchRackNodes[racks++] = rackNodes[i];
                }
            }
            System.arraycopy(scratchRackKeys, 0, rackKeys, 0, racks);
            System.arraycopy(scratchRackNodes, 0, rackNodes, 0, racks);
            rackSize = racks;
        }
    }

    /**
     * Without racks the row is the first N distinct nodes. With racks it is the first node of each of
     * the first N racks met, then, when there are fewer than N racks, the next distinct nodes met.
     */
    private void writeRow(int[] table, int rowStart) {
        if (rackOfNode == null) {
            System.arraycopy(distinctNodes, 0, table, rowStart, rowLength);
            return;
        }
        int size = Math.min(rackSize, rowLength);
        System.arraycopy(rackNodes, 0, table, rowStart, size);
        for (int i = 0; i < distinctSize && size < rowLength; i++) {
            int candidate = distinctNodes[i];
            if (!contains(table, rowStart, size, candidate)) {
                table[rowStart + size++] = candidate;
            }
        }
    }

    private static boolean contains(int[] table, int from, int size, int candidate) {
        for (int i = from; i < from + size; i++) {
            if (table[i] == candidate) {
                return true;
            }
        }
        return false;
    }
}
