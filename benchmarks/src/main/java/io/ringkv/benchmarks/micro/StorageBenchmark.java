package io.ringkv.benchmarks.micro;

import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSets;
import io.ringkv.causal.VersionVector;
import io.ringkv.ring.Partitioner;
import io.ringkv.server.storage.EngineKind;
import io.ringkv.server.storage.ReplicaStore;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.SyncPolicy;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * A replica's storage path, per engine, through {@link io.ringkv.server.storage.ReplicaStore} as the
 * node uses it: {@link #put} applies a sibling set with one fresh 1 KB value to a new key (read, merge,
 * encode, write) and waits until it is durable; {@link #get} reads and decodes one of
 * {@value PopulatedStore#KEY_COUNT} keys written at set-up, all of which fit in the engines' caches.
 *
 * <p>Sixteen threads call each operation, as a node's storage executor would, so that group commit has
 * concurrent writes to share an fsync; every thread has one write in flight at a time (closed loop).
 * Puts run under each {@link SyncPolicy.Kind}; the policy does not change the read path, so gets run
 * under the default (group commit) only. Keys are spread over the ring's partitions by their real
 * Murmur3 tokens.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(StorageBenchmark.THREADS)
public class StorageBenchmark {

    /** Concurrent callers of each operation. */
    static final int THREADS = 16;

    private static final Partitioner PARTITIONER = new Partitioner();

    /** Applies a new 1 KB sibling set to a new key and waits until it is durable. */
    @Benchmark
    public SiblingSet put(WritableStore store, Writer writer) {
        return store.replicas().apply(store.nextKey(), writer.nextSiblingSet()).join();
    }

    /** Reads and decodes the sibling set of a random key written at set-up. */
    @Benchmark
    public Optional<SiblingSet> get(PopulatedStore store, Reader reader) {
        return store.replicas().read(store.key(reader.nextIndex(store.keyCount())));
    }

    /** An empty store of each engine under each sync policy, shared by all writer threads. */
    @State(Scope.Benchmark)
    public static class WritableStore {

        @Param({"MAPDB", "ROCKSDB"})
        public EngineKind engine;

        @Param({"GROUP_COMMIT", "PER_WRITE"})
        public SyncPolicy.Kind syncPolicy;

        private final AtomicLong keyNumbers = new AtomicLong();
        private BenchmarkStore store;

        @Setup(Level.Trial)
        public void open() {
            SyncPolicy policy =
                    syncPolicy == SyncPolicy.Kind.PER_WRITE ? SyncPolicy.perWrite() : SyncPolicy.groupCommit();
            store = BenchmarkStore.open(engine, policy);
        }

        @TearDown(Level.Trial)
        public void close() {
            store.close();
        }

        /** A key no thread has written yet. */
        StorageKey nextKey() {
            return storageKey(keyNumbers.getAndIncrement());
        }

        ReplicaStore replicas() {
            return store.replicas();
        }

        Path dataDirectory() {
            return store.dataDirectory();
        }
    }

    /** Per thread: the random source of the values it writes. */
    @State(Scope.Thread)
    public static class Writer {

        private SplittableRandom random;

        @Setup(Level.Trial)
        public void seed(ThreadParams threadParams) {
            seed(threadParams.getThreadIndex());
        }

        void seed(int threadIndex) {
            random = new SplittableRandom(1_000L + threadIndex);
        }

        /** What a coordinator sends a replica for a blind write: one version of a fresh 1 KB value. */
        SiblingSet nextSiblingSet() {
            byte[] value = new byte[SampleData.VALUE_BYTES];
            random.nextBytes(value);
            return SiblingSets.write(
                    SiblingSet.EMPTY,
                    VersionVector.EMPTY,
                    SampleData.NODE_A,
                    value,
                    false,
                    SampleData.WALL_CLOCK_MILLIS);
        }
    }

    /** A store of each engine holding {@value #KEY_COUNT} keys of 1 KB, shared by all reader threads. */
    @State(Scope.Benchmark)
    public static class PopulatedStore {

        /** About 11 MB of sibling sets: inside RocksDB's memtable and the OS page cache. */
        static final int KEY_COUNT = 10_000;

        @Param({"MAPDB", "ROCKSDB"})
        public EngineKind engine;

        /** How many keys {@link #populate()} writes; smoke tests lower it to stay fast. */
        int keyCount = KEY_COUNT;

        private BenchmarkStore store;
        private StorageKey[] keys;
        private SiblingSet[] storedSets;

        /** Writes every key without waiting for each, so group commit fills its batches. */
        @Setup(Level.Trial)
        public void populate() {
            store = BenchmarkStore.open(engine, SyncPolicy.groupCommit());
            keys = new StorageKey[keyCount];
            storedSets = new SiblingSet[keyCount];
            Writer writer = new Writer();
            // A seed no benchmark thread uses, so set-up values differ from measured ones.
            writer.seed(THREADS);
            List<CompletableFuture<SiblingSet>> writes = new ArrayList<>(keyCount);
            for (int i = 0; i < keyCount; i++) {
                keys[i] = storageKey(i);
                storedSets[i] = writer.nextSiblingSet();
                writes.add(store.replicas().apply(keys[i], storedSets[i]));
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        }

        @TearDown(Level.Trial)
        public void close() {
            store.close();
        }

        ReplicaStore replicas() {
            return store.replicas();
        }

        Path dataDirectory() {
            return store.dataDirectory();
        }

        int keyCount() {
            return keyCount;
        }

        StorageKey key(int index) {
            return keys[index];
        }

        /** What {@link #populate()} wrote under {@code key(index)}. */
        SiblingSet storedSet(int index) {
            return storedSets[index];
        }
    }

    /** Per thread: which keys it reads, uniformly at random. */
    @State(Scope.Thread)
    public static class Reader {

        private SplittableRandom random;

        @Setup(Level.Trial)
        public void seed(ThreadParams threadParams) {
            seed(threadParams.getThreadIndex());
        }

        void seed(int threadIndex) {
            random = new SplittableRandom(2_000L + threadIndex);
        }

        int nextIndex(int keyCount) {
            return random.nextInt(keyCount);
        }
    }

    /** Key number {@code number} as a 16-byte key, placed by its real token. */
    static StorageKey storageKey(long number) {
        byte[] key = ByteBuffer.allocate(SampleData.KEY_BYTES)
                .putLong(0x72696e676b762d6bL) // "ringkv-k": keys look alike, as real ones often do
                .putLong(number)
                .array();
        long token = PARTITIONER.token(key);
        return new StorageKey(PARTITIONER.partitionOf(token), token, key);
    }
}
