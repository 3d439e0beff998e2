package io.ringkv.consistency.runner;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as people type them on a command line: {@code 500ms}, {@code 30s}, {@code 2m}. */
public final class DurationParser {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private DurationParser() {}

    /**
     * @param text a whole number with an optional unit ({@code ms}, {@code s}, {@code m}, {@code h});
     *     seconds when none
     * @throws IllegalArgumentException for anything else
     */
    public static Duration parse(String text) {
        Matcher matcher = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (examples: 500ms, 30s, 2m)");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
