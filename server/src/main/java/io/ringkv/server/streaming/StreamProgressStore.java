package io.ringkv.server.streaming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Persists streaming progress under {@code <data-dir>/streaming}, one append-only file per transition
 * ({@code <epoch>-<proposer>.progress}), one line per delivered chunk: {@code partition gainer lastKey done}.
 * The last line of a partition copy wins on load, so a driver that restarts resumes each copy after the
 * last chunk it recorded.
 *
 * <p>A line is written after its chunk is durable on the gainer, and is not itself fsynced: losing the
 * tail of the file in a crash only repeats some chunks, and merging a chunk twice changes nothing. A torn
 * last line is ignored. Thread-safe: the driver's copier threads record concurrently.
 */
public final class StreamProgressStore {

    private static final String SUFFIX = ".progress";
    private static final HexFormat HEX = HexFormat.of();

    private final Path directory;

    public StreamProgressStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot create the streaming directory " + directory, failure);
        }
    }

    /** The recorded progress of transition {@code transitionId}, by {@link PartitionTransfer#progressKey()}. */
    public Map<String, StreamProgress> load(String transitionId) {
        Path file = fileOf(transitionId);
        Map<String, StreamProgress> progress = new HashMap<>();
        if (!Files.exists(file)) {
            return progress;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read streaming progress " + file, failure);
        }
        for (String line : lines) {
            String[] fields = line.split(" ", -1);
            if (fields.length != 4 || !(fields[3].equals("done") || fields[3].equals("more"))) {
                continue; // torn by a crash while it was appended
            }
            try {
                byte[] lastKey = HEX.parseHex(fields[2]);
                progress.put(
                        Integer.parseInt(fields[0]) + ":" + fields[1],
                        new StreamProgress(lastKey, fields[3].equals("done")));
            } catch (IllegalArgumentException torn) {
                // Also a torn line: a partial hex string or number.
            }
        }
        return progress;
    }

    /** Records that {@code transfer} has delivered everything up to {@code progress.lastKey()}. */
    public synchronized void record(String transitionId, PartitionTransfer transfer, StreamProgress progress) {
        String line = transfer.partition() + " " + transfer.gainer() + " " + HEX.formatHex(progress.lastKey()) + " "
                + (progress.done() ? "done" : "more") + "\n";
        try {
            Files.writeString(
                    fileOf(transitionId),
                    line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot record streaming progress in " + directory, failure);
        }
    }

    /** Deletes the progress of every transition except {@code keptTransitionId} (they are over). */
    public void forgetAllBut(String keptTransitionId) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                if (!file.equals(fileOf(keptTransitionId))) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot clean up streaming progress in " + directory, failure);
        }
    }

    /** Deletes the progress of {@code transitionId}. */
    public void forget(String transitionId) {
        try {
            Files.deleteIfExists(fileOf(transitionId));
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot delete streaming progress of " + transitionId, failure);
        }
    }

    private Path fileOf(String transitionId) {
        return directory.resolve(transitionId + SUFFIX);
    }
}
