package io.ringkv.consistency.workload;

import io.ringkv.client.Sibling;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** How the set-add workload resolves the siblings it reads before adding its element. */
public enum SetMerge {
    /** Union of every sibling's elements: concurrent adds all survive (a grow-only set, merged right). */
    UNION,
    /**
     * Only the sibling with the latest write time (ties to the longer one): last-writer-wins, which
     * drops the adds of every other concurrent writer.
     */
    LAST_WRITE_WINS;

    /** The set the siblings stand for under this merge. */
    public TreeSet<Long> merge(List<Sibling> siblings) {
        TreeSet<Long> elements = new TreeSet<>();
        if (siblings.isEmpty()) {
            return elements;
        }
        if (this == UNION) {
            siblings.forEach(sibling -> elements.addAll(decode(sibling)));
            return elements;
        }
        Sibling latest = siblings.stream()
                .max(Comparator.comparingLong(Sibling::writtenAtMillis)
                        .thenComparingInt(sibling -> sibling.value().length))
                .orElseThrow();
        elements.addAll(decode(latest));
        return elements;
    }

    /** Elements as stored: decimal numbers separated by commas. */
    public static String encode(TreeSet<Long> elements) {
        StringBuilder text = new StringBuilder();
        for (Long element : elements) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(element);
        }
        return text.toString();
    }

    static TreeSet<Long> decode(Sibling sibling) {
        TreeSet<Long> elements = new TreeSet<>();
        String text = new String(sibling.value(), StandardCharsets.UTF_8);
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                elements.add(Long.parseLong(part.trim()));
            }
        }
        return elements;
    }
}
