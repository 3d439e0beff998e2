package io.ringkv.benchmarks.micro;

import io.ringkv.server.storage.EngineKind;
import io.ringkv.server.storage.ReplicaStore;
import io.ringkv.server.storage.StorageConfig;
import io.ringkv.server.storage.StorageEngine;
import io.ringkv.server.storage.StorageEngines;
import io.ringkv.server.storage.SyncPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A storage engine opened through {@link StorageEngines#open} in a fresh temporary data directory, with
 * the {@link ReplicaStore} a node puts on top of it. {@link #close()} closes the engine (waiting for
 * queued writes) and deletes the directory, so a benchmark run leaves nothing behind.
 *
 * <p>The directory is created under {@code java.io.tmpdir}; point that at the disk under test
 * ({@code -Djava.io.tmpdir=...}), since a RAM-backed directory would make every fsync free.
 */
final class BenchmarkStore implements AutoCloseable {

    private final Path dataDirectory;
    private final StorageEngine engine;
    private final ReplicaStore replicas;

    private BenchmarkStore(Path dataDirectory, StorageEngine engine) {
        this.dataDirectory = dataDirectory;
        this.engine = engine;
        this.replicas = new ReplicaStore(engine);
    }

    static BenchmarkStore open(EngineKind engineKind, SyncPolicy syncPolicy) {
        Path dataDirectory = createTemporaryDirectory(engineKind);
        StorageEngine engine;
        try {
            engine = StorageEngines.open(new StorageConfig(engineKind, dataDirectory, syncPolicy));
        } catch (RuntimeException e) {
            deleteRecursively(dataDirectory);
            throw e;
        }
        return new BenchmarkStore(dataDirectory, engine);
    }

    ReplicaStore replicas() {
        return replicas;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            deleteRecursively(dataDirectory);
        }
    }

    private static Path createTemporaryDirectory(EngineKind engineKind) {
        try {
            return Files.createTempDirectory("ringkv-bench-" + engineKind.configName() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data directory", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        List<Path> deepestFirst;
        try (Stream<Path> paths = Files.walk(directory)) {
            deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + " to delete it", e);
        }
        for (Path path : deepestFirst) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + path, e);
            }
        }
    }
}
