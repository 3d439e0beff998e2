package io.ringkv.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * File-system steps the engines share to create a store crash-safely: a new store is built under a
 * temporary name, closed, then renamed into place and the directory fsynced. A crash at any point leaves
 * either no store (and a temporary one that the next start deletes) or a complete one with its header,
 * never a half-created store that would later be mistaken for a foreign or corrupt one.
 */
public final class StorageFiles {

    private StorageFiles() {}

    /** Creates {@code directory} (and parents) when missing; refuses a path that is not a directory. */
    public static void ensureDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StorageException(
                    "cannot create data directory " + directory + ": " + e.getMessage()
                            + ". Check the path and its permissions.",
                    e);
        }
    }

    /** Renames {@code from} to {@code to} atomically and fsyncs the parent directory so the rename survives power loss. */
    public static void moveIntoPlace(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new StorageException(
                    "the file system of " + to.getParent() + " cannot rename atomically; RingKV"
                            + " needs a local POSIX file system for its data directory.",
                    e);
        } catch (IOException e) {
            throw new StorageException("cannot rename " + from + " to " + to + ": " + e.getMessage(), e);
        }
        fsyncDirectory(to.toAbsolutePath().getParent());
    }

    /** Makes the directory entries of {@code directory} (creations, renames) durable. */
    public static void fsyncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new StorageException("cannot fsync directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Deletes {@code path} and, if it is a directory, everything below it; absent paths are ignored. */
    public static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path each : paths) {
                Files.delete(each);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StorageException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    /** The entries of {@code directory} whose file name starts with {@code prefix}. */
    public static List<Path> listStartingWith(Path directory, String prefix) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(path -> path.getFileName().toString().startsWith(prefix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new StorageException("cannot list directory " + directory + ": " + e.getMessage(), e);
        }
    }
}
