package io.ringkv.consistency.history;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints values of this package's value model as EDN text that Clojure's reader (and so Jepsen and
 * Knossos) reads back to an equal value. Lists print as vectors, as Jepsen writes them.
 */
public final class EdnPrinter {

    private EdnPrinter() {}

    /**
     * The EDN text of {@code value}.
     *
     * @throws IllegalArgumentException for a type outside the value model
     */
    public static String print(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    /** Appends the EDN text of {@code value} to {@code out}. */
    public static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("nil");
        } else if (value instanceof String string) {
            appendString(out, string);
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof BigInteger big) {
            out.append(big).append('N');
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString()).append('M');
        } else if (value instanceof Double || value instanceof Float) {
            appendDouble(out, ((Number) value).doubleValue());
        } else if (value instanceof Boolean || value instanceof Keyword || value instanceof Symbol) {
            out.append(value);
        } else if (value instanceof Character character) {
            appendCharacter(out, character);
        } else if (value instanceof TaggedValue tagged) {
            out.append('#').append(tagged.tag()).append(' ');
            append(out, tagged.value());
        } else if (value instanceof List<?> list) {
            appendAll(out, "[", list, "]");
        } else if (value instanceof Set<?> set) {
            appendAll(out, "#{", set, "}");
        } else if (value instanceof Map<?, ?> map) {
            appendMap(out, map);
        } else {
            throw new IllegalArgumentException(
                    "cannot print a " + value.getClass().getName() + " as EDN: not in the history value model");
        }
    }

    private static void appendAll(StringBuilder out, String open, Collection<?> items, String close) {
        out.append(open);
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            append(out, item);
        }
        out.append(close);
    }

    private static void appendMap(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            append(out, entry.getKey());
            out.append(' ');
            append(out, entry.getValue());
            if (entries.hasNext()) {
                out.append(", ");
            }
        }
        out.append('}');
    }

    private static void appendDouble(StringBuilder out, double number) {
        if (Double.isNaN(number)) {
            out.append("##NaN");
        } else if (Double.isInfinite(number)) {
            out.append(number > 0 ? "##Inf" : "##-Inf");
        } else {
            out.append(number);
        }
    }

    private static void appendString(StringBuilder out, String string) {
        out.append('"');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void appendCharacter(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\newline");
            case ' ' -> out.append("\\space");
            case '\t' -> out.append("\\tab");
            case '\r' -> out.append("\\return");
            default -> {
                if (c > 0x20 && c < 0x7f) {
                    out.append('\\').append(c);
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
    }
}
