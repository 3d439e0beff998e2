package io.ringkv.consistency.report;

/** Small helpers shared by the HTML pages of a report. */
final class Html {

    private Html() {}

    /** {@code text} safe to place in HTML text or in a double-quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Nanoseconds as milliseconds with three decimals: {@code 12.345 ms}. */
    static String millis(long nanos) {
        return thousandths(Math.round(nanos / 1e3)) + " ms";
    }

    /** Nanoseconds as seconds with three decimals: {@code 1.234 s}. */
    static String seconds(long nanos) {
        return thousandths(Math.round(nanos / 1e6)) + " s";
    }

    /** {@code 12345} as {@code 12.345}, by hand for the same reason as {@link #coordinate}. */
    private static String thousandths(long value) {
        String sign = value < 0 ? "-" : "";
        long magnitude = Math.abs(value);
        long fraction = magnitude % 1000;
        String digits = fraction < 10 ? "00" + fraction : fraction < 100 ? "0" + fraction : Long.toString(fraction);
        return sign + magnitude / 1000 + "." + digits;
    }

    /**
     * A coordinate with one decimal, the precision SVG needs here. Done by hand because a timeline
     * prints hundreds of thousands of them and {@code String.format} would dominate its cost.
     */
    static String coordinate(double value) {
        long tenths = Math.round(value * 10);
        String sign = tenths < 0 ? "-" : "";
        long magnitude = Math.abs(tenths);
        return sign + magnitude / 10 + "." + magnitude % 10;
    }
}
