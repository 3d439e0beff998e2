package io.ringkv.consistency.history;

/**
 * Public entry points for EDN values outside whole histories, e.g. a register's initial value given on
 * a command line.
 */
public final class EdnValues {

    private EdnValues() {}

    /**
     * Parses exactly one EDN value ({@code nil}, {@code 0}, {@code "x"}, {@code [1 2]}, {@code :k}) into
     * the value model of this package.
     *
     * @throws HistoryFormatException when {@code text} is not exactly one EDN value
     */
    public static Object parse(String text) {
        return ClojureEdn.parseValue(text);
    }

    /** The EDN text of a value of this package's value model. */
    public static String print(Object value) {
        return EdnPrinter.print(value);
    }
}
