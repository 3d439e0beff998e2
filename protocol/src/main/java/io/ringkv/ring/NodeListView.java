package io.ringkv.ring;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable {@code List<String>} over a slice of node indexes: how ring snapshots hand out
 * preference lists without storing strings per partition. Creating one copies nothing.
 */
final class NodeListView extends AbstractList<String> implements RandomAccess {

    private final String[] nodeIds;
    private final int[] indexes;
    private final int offset;
    private final int size;

    NodeListView(String[] nodeIds, int[] indexes, int offset, int size) {
        this.nodeIds = nodeIds;
        this.indexes = indexes;
        this.offset = offset;
        this.size = size;
    }

    @Override
    public String get(int index) {
        return nodeIds[indexes[offset + Objects.checkIndex(index, size)]];
    }

    @Override
    public int size() {
        return size;
    }
}
