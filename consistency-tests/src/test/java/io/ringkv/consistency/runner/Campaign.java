package io.ringkv.consistency.runner;

import io.ringkv.client.Consistency;
import io.ringkv.consistency.cluster.ServerJar;
import io.ringkv.consistency.nemesis.NemesisKind;
import io.ringkv.consistency.nemesis.Partitioners;
import io.ringkv.consistency.nemesis.ScheduleTiming;
import io.ringkv.consistency.workload.ConsistencySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The settings of the integration-test campaign: {@code short} (the default, for CI: one or two seeds,
 * runs of 15–20 s) or {@code long} (the {@code campaign} Maven profile: five seeds, runs of a minute).
 * Chosen by the system property {@value #PROPERTY}.
 */
final class Campaign {

    static final String PROPERTY = "ringkv.consistency.campaign";

    private Campaign() {}

    static boolean isLong() {
        return "long".equals(System.getProperty(PROPERTY, "short"));
    }

    /** The seeds of runs repeated per seed. */
    static List<Long> seeds(int shortCount) {
        return LongStream.rangeClosed(1, isLong() ? 5 : shortCount).boxed().toList();
    }

    static Duration duration(Duration shortDuration) {
        return isLong() ? Duration.ofSeconds(60) : shortDuration;
    }

    /** A five-node run of {@code workload} writing to the build's run folder. */
    static RunOptions options(
            String testName,
            WorkloadKind workload,
            NemesisKind nemesis,
            Consistency mode,
            int r,
            int w,
            Duration duration,
            long seed,
            boolean expectAnomaly) {
        return options(testName, workload, nemesis, mode, r, w, duration, seed, expectAnomaly, 8);
    }

    /** {@link #options} with {@code keyCount} registers. */
    static RunOptions options(
            String testName,
            WorkloadKind workload,
            NemesisKind nemesis,
            Consistency mode,
            int r,
            int w,
            Duration duration,
            long seed,
            boolean expectAnomaly,
            int keyCount) {
        Path runs = Path.of(System.getProperty("ringkv.consistency.runDir", "target/consistency-runs"));
        return new RunOptions(
                testName,
                workload,
                nemesis,
                // 2 s: a CI machine running other builds can be slow to answer a cold node's first requests.
                new ConsistencySettings(mode, r, w, Duration.ofSeconds(2)),
                5,
                duration,
                seed,
                runs.resolve(testName + "-seed" + seed),
                ServerJar.locate(),
                5,
                keyCount,
                Partitioners.Choice.AUTO,
                ScheduleTiming.DEFAULT,
                Duration.ofMillis(20),
                Duration.ofSeconds(20),
                expectAnomaly);
    }
}
