package io.ringkv.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.server.storage.mapdb.MapDbStorageEngine;
import io.ringkv.server.storage.rocksdb.RocksDbStorageEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** What the file engines refuse at start-up, and that they refuse it cleanly, without touching the file. */
class StorageStartupChecksTest {

    @TempDir
    Path dataDirectory;

    @Test
    void should_refuse_a_mapdb_file_of_another_program() {
        Path file = dataDirectory.resolve(MapDbStorageEngine.FILE_NAME);
        DB foreign = DBMaker.fileDB(file.toFile()).transactionEnable().make();
        foreign.hashMap("users", Serializer.STRING, Serializer.STRING).create().put("alice", "admin");
        foreign.commit();
        foreign.close();
        byte[] before = read(file);

        assertThatThrownBy(() -> open(EngineKind.MAPDB))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a RingKV mapdb store")
                .hasMessageContaining("Move it away");
        assertThat(read(file)).isEqualTo(before);
    }

    @Test
    void should_refuse_a_mapdb_file_of_garbage_bytes_without_overwriting_it() throws IOException {
        Path file = dataDirectory.resolve(MapDbStorageEngine.FILE_NAME);
        byte[] garbage = garbage(64 * 1024);
        Files.write(file, garbage);

        assertThatThrownBy(() -> open(EngineKind.MAPDB))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a MapDB file");
        assertThat(read(file)).isEqualTo(garbage);
    }

    @Test
    void should_refuse_a_mapdb_store_whose_contents_were_overwritten_with_garbage() throws IOException {
        open(EngineKind.MAPDB).close();
        Path file = dataDirectory.resolve(MapDbStorageEngine.FILE_NAME);
        byte[] corrupt = read(file);
        byte[] garbage = garbage(corrupt.length);
        System.arraycopy(garbage, 64, corrupt, 64, corrupt.length - 64);
        Files.write(file, corrupt);

        assertThatThrownBy(() -> open(EngineKind.MAPDB))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("corrupt");
    }

    @Test
    void should_refuse_an_empty_mapdb_file() throws IOException {
        Path file = dataDirectory.resolve(MapDbStorageEngine.FILE_NAME);
        Files.write(file, new byte[0]);

        assertThatThrownBy(() -> open(EngineKind.MAPDB))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining(file.toString());
        assertThat(read(file)).isEmpty();
    }

    @Test
    void should_refuse_a_mapdb_store_of_a_newer_format_or_another_kind() {
        Path file = dataDirectory.resolve(MapDbStorageEngine.FILE_NAME);
        writeMapDbHeader(file, "ringkv-store format=2 kind=mapdb");

        assertThatThrownBy(() -> open(EngineKind.MAPDB))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("format 2")
                .hasMessageContaining("Upgrade this node");

        Path otherKind = dataDirectory.resolve("other").resolve(MapDbStorageEngine.FILE_NAME);
        writeMapDbHeader(otherKind, "ringkv-store format=1 kind=node-metadata");

        assertThatThrownBy(() -> StorageEngines.open(StorageConfig.of(EngineKind.MAPDB, otherKind.getParent())))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("is a RingKV node-metadata store, not a mapdb store");
    }

    @Test
    void should_refuse_a_rocksdb_database_of_another_program() throws RocksDBException {
        Path directory = dataDirectory.resolve(RocksDbStorageEngine.DIRECTORY_NAME);
        try (Options options = new Options().setCreateIfMissing(true);
                RocksDB foreign = RocksDB.open(options, directory.toString())) {
            foreign.put("alice".getBytes(StandardCharsets.UTF_8), "admin".getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> open(EngineKind.ROCKSDB))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining(directory.toString())
                .hasMessageContaining("not a RingKV rocksdb store");
    }

    @Test
    void should_refuse_a_rocksdb_store_of_a_newer_format() throws RocksDBException {
        Path directory = dataDirectory.resolve(RocksDbStorageEngine.DIRECTORY_NAME);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
                RocksDB db = RocksDB.open(
                        options,
                        directory.toString(),
                        List.of(
                                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY),
                                new ColumnFamilyDescriptor("ringkv_meta".getBytes(StandardCharsets.UTF_8))),
                        handles)) {
            db.put(
                    handles.get(1),
                    "header".getBytes(StandardCharsets.UTF_8),
                    "ringkv-store format=9 kind=rocksdb".getBytes(StandardCharsets.UTF_8));
            handles.forEach(ColumnFamilyHandle::close);
        }

        assertThatThrownBy(() -> open(EngineKind.ROCKSDB))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("format 9")
                .hasMessageContaining("newer RingKV");
    }

    @Test
    void should_refuse_a_file_of_garbage_bytes_where_the_rocksdb_directory_belongs() throws IOException {
        Path notADirectory = dataDirectory.resolve(RocksDbStorageEngine.DIRECTORY_NAME);
        byte[] garbage = garbage(4096);
        Files.write(notADirectory, garbage);

        assertThatThrownBy(() -> open(EngineKind.ROCKSDB))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining(notADirectory.toString())
                .hasMessageContaining("is a file");
        assertThat(read(notADirectory)).isEqualTo(garbage);
    }

    @Test
    void should_refuse_a_rocksdb_directory_without_a_database() throws IOException {
        Path directory = Files.createDirectories(dataDirectory.resolve(RocksDbStorageEngine.DIRECTORY_NAME));
        Files.write(directory.resolve("notes.txt"), garbage(100));

        assertThatThrownBy(() -> open(EngineKind.ROCKSDB))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("holds no RocksDB database");
        assertThat(directory.resolve("notes.txt")).exists();
    }

    @Test
    void should_refuse_a_rocksdb_store_whose_manifest_was_overwritten_with_garbage() throws IOException {
        StorageEngine engine = open(EngineKind.ROCKSDB);
        engine.put(new StorageKey(1, 1L, new byte[] {1}), new byte[] {2}).join();
        engine.close();
        Path directory = dataDirectory.resolve(RocksDbStorageEngine.DIRECTORY_NAME);
        for (Path manifest : StorageFiles.listStartingWith(directory, "MANIFEST-")) {
            Files.write(manifest, garbage((int) Files.size(manifest)));
        }

        assertThatThrownBy(() -> open(EngineKind.ROCKSDB))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining(directory.toString())
                .hasMessageContaining("corruption");
    }

    @Test
    void should_refuse_a_rocksdb_store_whose_current_file_is_garbage() throws IOException {
        open(EngineKind.ROCKSDB).close();
        Path current =
                dataDirectory.resolve(RocksDbStorageEngine.DIRECTORY_NAME).resolve("CURRENT");
        Files.write(current, garbage(200));

        assertThatThrownBy(() -> open(EngineKind.ROCKSDB))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining(RocksDbStorageEngine.DIRECTORY_NAME);
    }

    @Test
    void should_refuse_to_start_one_engine_on_the_data_of_the_other() {
        open(EngineKind.ROCKSDB).close();

        assertThatThrownBy(() -> open(EngineKind.MAPDB))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("holds a rocksdb store")
                .hasMessageContaining("storage.engine");

        Path other = dataDirectory.resolve("other");
        StorageEngines.open(StorageConfig.of(EngineKind.MAPDB, other)).close();
        assertThatThrownBy(() -> StorageEngines.open(StorageConfig.of(EngineKind.ROCKSDB, other)))
                .isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("holds a mapdb store");
    }

    @Test
    void should_refuse_a_store_that_is_already_open() {
        for (EngineKind kind : List.of(EngineKind.MAPDB, EngineKind.ROCKSDB)) {
            try (StorageEngine first = open(kind)) {
                assertThatThrownBy(() -> open(kind))
                        .as("engine %s", kind)
                        .isExactlyInstanceOf(StorageException.class)
                        .hasMessageContaining("in use");
                assertThat(first.get(new StorageKey(0, 0L, new byte[0]))).isEmpty();
            }
            dataDirectory = dataDirectory.resolve("next");
        }
    }

    @Test
    void should_discard_a_store_whose_creation_was_interrupted_and_create_it_again() throws IOException {
        Path halfCreatedMapDb = dataDirectory.resolve(MapDbStorageEngine.FILE_NAME + ".creating");
        Files.write(halfCreatedMapDb, garbage(1000));
        Path halfCreatedRocksDb = Files.createDirectories(
                dataDirectory.resolve("rocks").resolve(RocksDbStorageEngine.DIRECTORY_NAME + ".creating"));
        Files.write(halfCreatedRocksDb.resolve("CURRENT"), garbage(10));

        try (StorageEngine mapDb = open(EngineKind.MAPDB)) {
            mapDb.put(new StorageKey(0, 0L, new byte[] {1}), new byte[] {1}).join();
        }
        try (StorageEngine rocksDb =
                StorageEngines.open(StorageConfig.of(EngineKind.ROCKSDB, dataDirectory.resolve("rocks")))) {
            rocksDb.put(new StorageKey(0, 0L, new byte[] {1}), new byte[] {1}).join();
        }

        assertThat(halfCreatedMapDb).doesNotExist();
        assertThat(halfCreatedRocksDb).doesNotExist();
        try (Stream<Path> files = Files.list(dataDirectory)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder(MapDbStorageEngine.FILE_NAME, "rocks");
        }
    }

    private StorageEngine open(EngineKind kind) {
        return StorageEngines.open(StorageConfig.of(kind, dataDirectory));
    }

    private static void writeMapDbHeader(Path file, String header) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DB db = DBMaker.fileDB(file.toFile()).transactionEnable().make();
        db.atomicVar("ringkv_header", Serializer.BYTE_ARRAY).create().set(header.getBytes(StandardCharsets.UTF_8));
        db.treeMap("data", Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY).create();
        db.commit();
        db.close();
    }

    private static byte[] garbage(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
