package io.ringkv.server.membership;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A set of node ids with O(1) add, remove, membership and uniform random choice, so that choosing a
 * round's gossip targets costs O(targets) even with thousands of peers. Removal swaps the last element
 * into the freed slot. Not thread-safe; confined to the topology thread.
 */
final class IndexedPeerSet {

    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();

    boolean add(String nodeId) {
        if (positions.containsKey(nodeId)) {
            return false;
        }
        positions.put(nodeId, ids.size());
        ids.add(nodeId);
        return true;
    }

    boolean remove(String nodeId) {
        Integer position = positions.remove(nodeId);
        if (position == null) {
            return false;
        }
        String last = ids.remove(ids.size() - 1);
        if (position < ids.size()) {
            ids.set(position, last);
            positions.put(last, position);
        }
        return true;
    }

    boolean contains(String nodeId) {
        return positions.containsKey(nodeId);
    }

    int size() {
        return ids.size();
    }

    boolean isEmpty() {
        return ids.isEmpty();
    }

    /** The element at {@code index} (0 ≤ index < size); indexes move when elements are removed. */
    String get(int index) {
        return ids.get(index);
    }

    String pickOne(RandomGenerator random) {
        return ids.get(random.nextInt(ids.size()));
    }

    /**
     * Up to {@code count} distinct elements chosen uniformly at random: all of them (shuffled) when there are
     * at most {@code 2 × count}, otherwise by rejection sampling, which takes O(count) draws on average.
     */
    List<String> pickDistinct(int count, RandomGenerator random) {
        int size = ids.size();
        if (size <= 2 * count) {
            List<String> all = new ArrayList<>(ids);
            for (int i = all.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                String swapped = all.get(i);
                all.set(i, all.get(j));
                all.set(j, swapped);
            }
            return all.size() > count ? all.subList(0, count) : all;
        }
        List<String> chosen = new ArrayList<>(count);
        List<Integer> chosenIndexes = new ArrayList<>(count);
        while (chosen.size() < count) {
            int index = random.nextInt(size);
            if (!chosenIndexes.contains(index)) {
                chosenIndexes.add(index);
                chosen.add(ids.get(index));
            }
        }
        return chosen;
    }
}
