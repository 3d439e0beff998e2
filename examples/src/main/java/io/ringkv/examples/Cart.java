package io.ringkv.examples;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A shopping cart: a set of item names. Stored as UTF-8 text, one item per line in sorted order, so the
 * same cart always encodes to the same bytes whoever wrote it (and is readable with {@code curl}).
 *
 * <p>Adding is the only change this cart supports: a set union cannot tell a removed item from one that
 * was never added, so removals would need tombstones (an OR-set), which this example leaves out.
 *
 * @param items the item names, sorted; each non-blank and without line breaks
 */
public record Cart(SortedSet<String> items) {

    /** The cart with no items; also what an absent key or an empty value decodes to. */
    public static final Cart EMPTY = new Cart(new TreeSet<>());

    private static final String SEPARATOR = "\n";

    public Cart {
        TreeSet<String> copy = new TreeSet<>();
        for (String item : Objects.requireNonNull(items, "items")) {
            copy.add(checkItem(item));
        }
        items = Collections.unmodifiableSortedSet(copy);
    }

    /** A cart holding the given items. */
    public static Cart of(String... items) {
        TreeSet<String> set = new TreeSet<>();
        Collections.addAll(set, items);
        return new Cart(set);
    }

    /** This cart with {@code item} added. */
    public Cart with(String item) {
        TreeSet<String> set = new TreeSet<>(items);
        set.add(checkItem(item));
        return new Cart(set);
    }

    /**
     * Every item of either cart. Commutative, associative and idempotent, which is what makes it a safe
     * merge of siblings: every client reaches the same cart whatever order the siblings come in.
     */
    public Cart union(Cart other) {
        TreeSet<String> set = new TreeSet<>(items);
        set.addAll(other.items);
        return new Cart(set);
    }

    public boolean contains(String item) {
        return items.contains(item);
    }

    public int size() {
        return items.size();
    }

    /** The stored form: the sorted items, one per line. */
    public byte[] encode() {
        return String.join(SEPARATOR, items).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the stored form; an empty value is the empty cart. */
    public static Cart decode(byte[] bytes) {
        TreeSet<String> set = new TreeSet<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split(SEPARATOR)) {
            if (!line.isBlank()) {
                set.add(line);
            }
        }
        return new Cart(set);
    }

    private static String checkItem(String item) {
        Objects.requireNonNull(item, "item");
        if (item.isBlank() || item.contains(SEPARATOR) || item.contains("\r")) {
            throw new IllegalArgumentException("a cart item must be non-blank and on one line: '" + item + "'");
        }
        return item;
    }
}
