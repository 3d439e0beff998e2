package io.ringkv.consistency.history;

import clojure.lang.LineNumberingPushbackReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a history in Jepsen's EDN format with Clojure's own EDN reader. Two layouts are accepted:
 *
 * <ul>
 *   <li>a sequence of operation maps, normally one per line, as Jepsen writes {@code history.edn};
 *   <li>a single vector (or list) of operation maps, as histories are often pasted into tests.
 * </ul>
 *
 * Operations printed as records ({@code #jepsen.history.Op{...}}) are read as plain maps. Keys other
 * than {@code :process :type :f :value :time :index :error} are kept in {@link Op#extra()}.
 *
 * <p>Errors are reported as {@link HistoryFormatException} with the line where the offending form
 * starts (or where the reader gave up) and the operation number.
 */
public final class EdnHistoryReader {

    private EdnHistoryReader() {}

    /**
     * Reads a history file (UTF-8).
     *
     * @throws HistoryFormatException when the content is not a history
     * @throws UncheckedIOException when the file cannot be read
     */
    public static History read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read history " + file, e);
        }
    }

    /** Parses a history from EDN text. */
    public static History parse(String edn) {
        return read(new StringReader(edn));
    }

    /**
     * Reads a history from {@code source}, which the caller closes.
     *
     * @throws HistoryFormatException when the content is not a history
     */
    public static History read(Reader source) {
        LineNumberingPushbackReader reader =
                new LineNumberingPushbackReader(source instanceof BufferedReader ? source : new BufferedReader(source));
        List<Op> ops = new ArrayList<>();
        boolean first = true;
        while (true) {
            long line = skipToNextForm(reader);
            if (line < 0) {
                break;
            }
            Object value = toValue(readForm(reader, line, ops.size()), line, ops.size());
            if (first && value instanceof List<?> vector) {
                readVector(vector, line, ops);
                if (skipToNextForm(reader) >= 0) {
                    throw new HistoryFormatException(
                            "unexpected form after the vector of operations", reader.getLineNumber(), ops.size());
                }
                break;
            }
            ops.add(EdnOpDecoder.decode(value, line, ops.size()));
            first = false;
        }
        return History.of(ops);
    }

    private static void readVector(List<?> vector, long line, List<Op> ops) {
        for (Object element : vector) {
            ops.add(EdnOpDecoder.decode(element, line, ops.size()));
        }
    }

    private static Object readForm(LineNumberingPushbackReader reader, long startLine, int operationNumber) {
        try {
            return ClojureEdn.readForm(reader);
        } catch (RuntimeException e) {
            // Boundary: Clojure's reader signals every syntax problem with a RuntimeException.
            throw new HistoryFormatException(
                    "malformed EDN in the form starting at line " + startLine + ": " + rootMessage(e),
                    reader.getLineNumber(),
                    operationNumber,
                    e);
        }
    }

    private static Object toValue(Object form, long line, int operationNumber) {
        try {
            return ClojureEdn.toValue(form);
        } catch (IllegalArgumentException e) {
            throw new HistoryFormatException(e.getMessage(), line, operationNumber, e);
        }
    }

    /**
     * Skips whitespace, commas and comments. Returns the line where the next form starts, or -1 at the
     * end of input.
     */
    private static long skipToNextForm(LineNumberingPushbackReader reader) {
        try {
            while (true) {
                int c = reader.read();
                if (c < 0) {
                    return -1;
                }
                if (c == ';') {
                    while (c >= 0 && c != '\n') {
                        c = reader.read();
                    }
                    if (c < 0) {
                        return -1;
                    }
                } else if (!Character.isWhitespace(c) && c != ',') {
                    reader.unread(c);
                    return reader.getLineNumber();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
