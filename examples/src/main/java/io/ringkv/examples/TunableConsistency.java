package io.ringkv.examples;

import io.ringkv.client.BlockingRingKvClient;
import io.ringkv.client.CausalContext;
import io.ringkv.client.GetResult;
import io.ringkv.client.RingKvClient;
import io.ringkv.time.Clock;
import io.ringkv.time.SystemClock;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The same write-then-read loop under four consistency settings (R=1/W=1, R=W=2, strict R=W=2 and
 * LINEARIZABLE), printed side by side: latency of puts and gets, how many reads returned the value just
 * written, and what each setting guarantees.
 *
 * <p>Run it against the local dev cluster (started with {@code java -jar server/target/ringkv-server.jar
 * dev}) from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -q -DskipTests package && java -cp examples/target/ringkv-examples.jar io.ringkv.examples.TunableConsistency
 * }</pre>
 *
 * Pass other seeds as the first argument or with {@code -Dringkv.seeds=...}.
 */
public final class TunableConsistency {

    /** Each setting writes its own key under this prefix (the LINEARIZABLE registers are separate anyway). */
    public static final String KEY_PREFIX = "tunable";

    /** Write-then-read rounds per setting. */
    public static final int ROUNDS = 200;

    private TunableConsistency() {}

    public static void main(String[] args) {
        List<String> seeds = ClusterSeeds.resolve(args, System.getProperties());
        try (RingKvClient client =
                RingKvClient.builder().seeds(seeds.toArray(String[]::new)).build()) {
            run(client, KEY_PREFIX, ROUNDS, SystemClock.INSTANCE, System.out);
        }
    }

    /**
     * How one setting did.
     *
     * @param setting the setting
     * @param put latency of the writes
     * @param get latency of the reads
     * @param freshReads reads that returned exactly the value written just before
     */
    public record SettingResult(ConsistencySetting setting, LatencySummary put, LatencySummary get, int freshReads) {}

    /**
     * Runs {@code rounds} write-then-read pairs per setting of {@link ConsistencySetting#sideBySide()}
     * and prints the table.
     *
     * @param clock measures the latencies
     */
    public static List<SettingResult> run(
            RingKvClient client, String keyPrefix, int rounds, Clock clock, PrintStream out) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        List<SettingResult> results = new ArrayList<>();
        for (ConsistencySetting setting : ConsistencySetting.sideBySide()) {
            String key = keyPrefix + ":" + setting.name().replace(' ', '-');
            results.add(measure(client.blocking(), key, setting, rounds, clock));
        }
        print(results, rounds, out);
        return results;
    }

    private static SettingResult measure(
            BlockingRingKvClient kv, String key, ConsistencySetting setting, int rounds, Clock clock) {
        // The first read also warms the connections; its context lets the first write supersede what an
        // earlier run left, so the loop never piles up siblings.
        CausalContext context = kv.get(key, setting.read()).context();
        long[] putNanos = new long[rounds];
        long[] getNanos = new long[rounds];
        int freshReads = 0;
        for (int round = 0; round < rounds; round++) {
            String value = setting.name() + " #" + round;
            long start = clock.nanoTime();
            kv.put(key, value, context, setting.write());
            long written = clock.nanoTime();
            GetResult read = kv.get(key, setting.read());
            long readBack = clock.nanoTime();
            putNanos[round] = written - start;
            getNanos[round] = readBack - written;
            if (read.found() && !read.hasConflict() && read.valueAsString().equals(value)) {
                freshReads++;
            }
            context = read.context();
        }
        return new SettingResult(setting, LatencySummary.of(putNanos), LatencySummary.of(getNanos), freshReads);
    }

    private static void print(List<SettingResult> results, int rounds, PrintStream out) {
        out.printf("%d write-then-read rounds per setting, latencies in ms%n", rounds);
        out.printf(
                "%-15s %8s %8s %8s %8s %11s  %s%n",
                "setting", "put p50", "put p99", "get p50", "get p99", "fresh reads", "guarantee");
        for (SettingResult result : results) {
            out.printf(
                    "%-15s %8.2f %8.2f %8.2f %8.2f %5d/%-5d  %s%n",
                    result.setting().name(),
                    result.put().medianMillis(),
                    result.put().p99Millis(),
                    result.get().medianMillis(),
                    result.get().p99Millis(),
                    result.freshReads(),
                    rounds,
                    result.setting().guarantee());
        }
    }
}
