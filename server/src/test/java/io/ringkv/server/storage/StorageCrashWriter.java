package io.ringkv.server.storage;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link StorageCrashSafetyIT}: opens a store with the default sync policy and lets
 * {@value #WRITER_THREADS} threads put 1 KB values as fast as acknowledgements come back, printing
 * {@code ACK <round> <thread> <sequence>} for each write only after its future completed. It runs until
 * it is killed (or, as a safety net against orphans, for {@value #MAX_RUN_SECONDS} seconds).
 *
 * <p>Usage: {@code StorageCrashWriter <mapdb|rocksdb> <data directory> <round>}.
 */
public final class StorageCrashWriter {

    static final int WRITER_THREADS = 16;
    static final String ACK_PREFIX = "ACK ";
    private static final int MAX_RUN_SECONDS = 60;
    private static final int PARTITIONS = 64;

    private StorageCrashWriter() {}

    public static void main(String[] args) throws InterruptedException {
        EngineKind kind = EngineKind.fromConfigName(args[0]);
        Path dataDirectory = Path.of(args[1]);
        int round = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        StorageEngine engine = StorageEngines.open(StorageConfig.of(kind, dataDirectory));
        out.println("READY");
        List<Thread> writers = new ArrayList<>();
        for (int thread = 0; thread < WRITER_THREADS; thread++) {
            int threadId = thread;
            Thread writer = new Thread(() -> {
                for (long sequence = 0; ; sequence++) {
                    StorageKey key = keyFor(round, threadId, sequence);
                    engine.put(key, valueFor(key)).join();
                    out.println(ACK_PREFIX + round + " " + threadId + " " + sequence);
                }
            });
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
        Thread.sleep(MAX_RUN_SECONDS * 1000L);
        System.exit(3);
    }

    /** The key the child writes for ({@code round}, {@code thread}, {@code sequence}). */
    static StorageKey keyFor(int round, int thread, long sequence) {
        byte[] key = ("crash-" + round + "-" + thread + "-" + sequence).getBytes(StandardCharsets.UTF_8);
        long token = new Random(31L * (31L * round + thread) + sequence).nextLong();
        return new StorageKey((int) Math.floorMod(token, (long) PARTITIONS), token, key);
    }

    /** The exact 1 KB value written under {@code key}, derived from it. */
    static byte[] valueFor(StorageKey key) {
        byte[] value = new byte[1024];
        new Random(key.hashCode() * 0x9E3779B97F4A7C15L).nextBytes(value);
        return value;
    }
}
