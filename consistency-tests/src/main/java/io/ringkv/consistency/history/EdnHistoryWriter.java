package io.ringkv.consistency.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes histories the way Jepsen writes {@code history.edn}: one operation map per line, keys in the
 * order {@code :process :type :f :value :time :index}, then {@code :error} and any extra keys. The
 * output reads back (with {@link EdnHistoryReader}, Jepsen or Knossos) to an equal history.
 */
public final class EdnHistoryWriter {

    private EdnHistoryWriter() {}

    /**
     * Writes {@code history} to {@code file} (UTF-8), replacing it.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(History history, Path file) {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(history, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write history " + file, e);
        }
    }

    /** Writes {@code history} to {@code writer}, one line per operation; the caller closes it. */
    public static void write(History history, Writer writer) throws IOException {
        for (Op op : history) {
            writer.write(format(op));
            writer.write('\n');
        }
        writer.flush();
    }

    /** The whole history as EDN text, one line per operation. */
    public static String toEdn(History history) {
        StringBuilder out = new StringBuilder();
        for (Op op : history) {
            out.append(format(op)).append('\n');
        }
        return out.toString();
    }

    /** One operation as a single-line EDN map, without a line break. */
    public static String format(Op op) {
        StringBuilder out = new StringBuilder(96);
        out.append("{:process ").append(op.process());
        out.append(", :type :").append(op.type().keywordName());
        out.append(", :f ").append(Keyword.of(op.f()));
        out.append(", :value ");
        EdnPrinter.append(out, op.value());
        if (op.timeNanos().isPresent()) {
            out.append(", :time ").append(op.timeNanos().getAsLong());
        }
        out.append(", :index ").append(op.index());
        if (op.hasError()) {
            out.append(", :error ");
            EdnPrinter.append(out, op.error());
        }
        for (Map.Entry<Keyword, Object> entry : op.extra().entrySet()) {
            out.append(", ").append(entry.getKey()).append(' ');
            EdnPrinter.append(out, entry.getValue());
        }
        return out.append('}').toString();
    }
}
