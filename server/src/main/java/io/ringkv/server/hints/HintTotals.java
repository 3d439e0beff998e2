package io.ringkv.server.hints;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How many hints, and how many bytes, the store holds per owner and in all. The store's writer thread
 * changes a working copy while it applies a batch and, once the batch is committed, publishes a
 * {@link #copy()} that nobody changes any more, which every other thread reads. Owners are cluster
 * nodes, so copies are small.
 */
final class HintTotals {

    private record OwnerTotal(long count, long bytes) {}

    private final Map<String, OwnerTotal> byOwner;
    private long count;
    private long bytes;

    HintTotals() {
        this(new HashMap<>(), 0, 0);
    }

    private HintTotals(Map<String, OwnerTotal> byOwner, long count, long bytes) {
        this.byOwner = byOwner;
        this.count = count;
        this.bytes = bytes;
    }

    /** Records hints of {@code owner} added ({@code > 0}) or removed ({@code < 0}) and the change in bytes. */
    void add(String owner, long countDelta, long bytesDelta) {
        OwnerTotal previous = byOwner.getOrDefault(owner, new OwnerTotal(0, 0));
        OwnerTotal next = new OwnerTotal(previous.count() + countDelta, previous.bytes() + bytesDelta);
        if (next.count() < 0 || next.bytes() < 0) {
            throw new IllegalStateException("hint totals of " + owner + " would become negative: " + next);
        }
        if (next.count() == 0) {
            byOwner.remove(owner);
        } else {
            byOwner.put(owner, next);
        }
        count += countDelta;
        bytes += bytesDelta;
    }

    HintTotals copy() {
        return new HintTotals(new HashMap<>(byOwner), count, bytes);
    }

    /** The owners with at least one hint. */
    Set<String> owners() {
        return Set.copyOf(byOwner.keySet());
    }

    long count() {
        return count;
    }

    long bytes() {
        return bytes;
    }

    long count(String owner) {
        OwnerTotal total = byOwner.get(owner);
        return total == null ? 0 : total.count();
    }
}
