package io.ringkv.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code kill -9} at a random moment loses no acknowledged write, for each file engine under the default
 * sync policy: a child JVM ({@link StorageCrashWriter}) writes from 16 threads and reports each
 * acknowledged key; the test kills it after a seeded random number of acknowledgements, reopens the
 * store and checks every acknowledged key and value. Each round reopens the same store, so recovery of
 * an already recovered store is covered too. Set {@code -Dringkv.crash.seed=<seed>} to replay a run.
 */
class StorageCrashSafetyIT {

    private static final int ROUNDS = 4;

    @TempDir
    Path workDirectory;

    @ParameterizedTest
    @EnumSource(
            value = EngineKind.class,
            names = {"MAPDB", "ROCKSDB"})
    void should_keep_every_acknowledged_write_when_the_process_is_killed(EngineKind kind) throws Exception {
        long seed = Long.getLong("ringkv.crash.seed", System.nanoTime());
        System.out.printf("StorageCrashSafetyIT %s seed=%d%n", kind, seed);
        Random random = new Random(seed);
        Path dataDirectory = workDirectory.resolve("data");
        List<Acknowledged> acknowledged = new ArrayList<>();

        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 100 + random.nextInt(1_500);
            List<Acknowledged> roundAcks = runAndKill(kind, dataDirectory, round, killAfter, seed);
            System.out.printf(
                    "  round %d: killed after %d acknowledgements, %d read in total%n",
                    round, killAfter, roundAcks.size());
            assertThat(roundAcks.size())
                    .as("seed %d round %d: acknowledgements read", seed, round)
                    .isGreaterThanOrEqualTo(killAfter);
            acknowledged.addAll(roundAcks);

            try (StorageEngine reopened = StorageEngines.open(StorageConfig.of(kind, dataDirectory))) {
                for (Acknowledged ack : acknowledged) {
                    StorageKey key = StorageCrashWriter.keyFor(ack.round(), ack.thread(), ack.sequence());
                    assertThat(reopened.get(key))
                            .as("seed %d round %d: acknowledged %s", seed, round, key)
                            .hasValueSatisfying(value -> assertThat(value).isEqualTo(StorageCrashWriter.valueFor(key)));
                }
            }
        }
    }

    private List<Acknowledged> runAndKill(EngineKind kind, Path dataDirectory, int round, int killAfter, long seed)
            throws IOException, InterruptedException {
        Path errors = workDirectory.resolve("child-" + round + ".err");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StorageCrashWriter.class.getName(),
                        kind.configName(),
                        dataDirectory.toString(),
                        Integer.toString(round))
                .redirectError(errors.toFile())
                .start();
        List<Acknowledged> acks = new ArrayList<>();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(StorageCrashWriter.ACK_PREFIX)) {
                    String[] fields = line.substring(StorageCrashWriter.ACK_PREFIX.length())
                            .split(" ");
                    acks.add(new Acknowledged(
                            Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), Long.parseLong(fields[2])));
                    if (acks.size() == killAfter) {
                        // SIGKILL of the process this test started. Through its handle, so that its stdout stays
                        // open and the acknowledgements already in the pipe are still read.
                        child.toHandle().destroyForcibly();
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        if (acks.size() < killAfter) {
            System.out.printf(
                    "seed %d round %d: child ended early; its stderr:%n%s%n", seed, round, Files.readString(errors));
        }
        return acks;
    }

    private record Acknowledged(int round, int thread, long sequence) {}
}
