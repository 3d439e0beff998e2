package io.ringkv.ring;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable {@code Set<Integer>} over an ascending slice of an {@code int[]} of partition numbers;
 * {@code contains} is a binary search, iteration is in ascending order. Creating one copies nothing.
 */
final class PartitionSetView extends AbstractSet<Integer> {

    private final int[] partitions;
    private final int from;
    private final int to;

    /** Views {@code partitions[from, to)}, which must be strictly ascending. */
    PartitionSetView(int[] partitions, int from, int to) {
        this.partitions = partitions;
        this.from = from;
        this.to = to;
    }

    @Override
    public boolean contains(Object candidate) {
        return candidate instanceof Integer partition && Arrays.binarySearch(partitions, from, to, partition) >= 0;
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public Iterator<Integer> iterator() {
        return new Iterator<>() {
            private int next = from;

            @Override
            public boolean hasNext() {
                return next < to;
            }

            @Override
            public Integer next() {
                if (next >= to) {
                    throw new NoSuchElementException();
                }
                return partitions[next++];
            }
        };
    }
}
