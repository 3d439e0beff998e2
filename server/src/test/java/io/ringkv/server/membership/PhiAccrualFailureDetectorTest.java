package io.ringkv.server.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PhiAccrualFailureDetectorTest {

    private static final long MILLIS = 1_000_000L;
    private static final String NODE = "node-a";

    /** Heartbeats every {@code intervalMillis} from time 0; returns the time of the last one. */
    private static long beatRegularly(PhiAccrualFailureDetector detector, int count, long intervalMillis) {
        long now = 0;
        for (int i = 0; i < count; i++) {
            now = i * intervalMillis * MILLIS;
            detector.heartbeat(NODE, now);
        }
        return now;
    }

    @Test
    void should_report_phi_zero_and_availability_for_a_node_it_does_not_monitor() {
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(FailureDetectorConfig.DEFAULTS);

        assertThat(detector.phi(NODE, 10_000 * MILLIS)).isZero();
        assertThat(detector.isAvailable(NODE, 10_000 * MILLIS)).isTrue();
        assertThat(detector.isMonitoring(NODE)).isFalse();
        assertThat(detector.lastHeartbeatNanos(NODE)).isEmpty();
    }

    @Test
    void should_grow_phi_with_silence() {
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(FailureDetectorConfig.DEFAULTS);
        long last = beatRegularly(detector, 50, 200);

        double previous = -1;
        for (long silenceMillis = 0; silenceMillis <= 5_000; silenceMillis += 50) {
            double phi = detector.phi(NODE, last + silenceMillis * MILLIS);
            assertThat(phi).as("phi after %d ms of silence", silenceMillis).isGreaterThanOrEqualTo(previous);
            previous = phi;
        }
        assertThat(detector.phi(NODE, last + 100 * MILLIS)).isLessThan(0.5);
        assertThat(detector.phi(NODE, last + 1_500 * MILLIS)).isBetween(1.0, 8.0);
        assertThat(detector.phi(NODE, last + 3_000 * MILLIS)).isGreaterThan(8.0);
        assertThat(detector.isAvailable(NODE, last + 3_000 * MILLIS)).isFalse();
    }

    @Test
    void should_keep_phi_low_while_heartbeats_arrive_with_normal_jitter() {
        for (long seed = 1; seed <= 5; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(FailureDetectorConfig.DEFAULTS);
            long now = 0;
            double highest = 0;
            for (int i = 0; i < 3_000; i++) {
                // Mostly one interval with jitter, sometimes two or three (a lost or late gossip message).
                int rounds = random.nextInt(10) == 0 ? 2 + random.nextInt(2) : 1;
                now += rounds * 200 * MILLIS + random.nextLong(-60, 61) * MILLIS;
                highest = Math.max(highest, detector.phi(NODE, now));
                assertThat(detector.isAvailable(NODE, now))
                        .as("seed %d, heartbeat %d", seed, i)
                        .isTrue();
                detector.heartbeat(NODE, now);
            }
            assertThat(highest)
                    .as("seed %d: highest phi just before a heartbeat", seed)
                    .isLessThan(1.0);
        }
    }

    @Test
    void should_convict_a_silent_node_when_the_documented_arithmetic_says() {
        FailureDetectorConfig config = FailureDetectorConfig.DEFAULTS.withMaxSampleSize(100);
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(config);
        long last = beatRegularly(detector, 300, 200);

        // Window of 100 × 200 ms: mean 200, deviation 0 → floor 100; 200 + 1000 + 5.226 × 100 ≈ 1722.6 ms.
        assertThat(config.convictionDelayMillis(200, 0)).isCloseTo(1722.6, within(0.1));
        assertThat(detector.isAvailable(NODE, last + 1_722 * MILLIS)).isTrue();
        assertThat(detector.phi(NODE, last + 1_722 * MILLIS)).isLessThan(8.0);
        assertThat(detector.isAvailable(NODE, last + 1_723 * MILLIS)).isFalse();
        assertThat(detector.phi(NODE, last + 1_723 * MILLIS)).isGreaterThanOrEqualTo(8.0);
    }

    @Test
    void should_decide_availability_exactly_as_phi_against_the_threshold() {
        for (long seed = 1; seed <= 50; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            double threshold = 1 + random.nextDouble() * 15;
            FailureDetectorConfig config = FailureDetectorConfig.DEFAULTS.withThreshold(threshold);
            PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(config);
            long now = 0;
            for (int i = 0; i < 50; i++) {
                now += random.nextLong(50, 800) * MILLIS;
                detector.heartbeat(NODE, now);
            }
            for (int probe = 0; probe < 200; probe++) {
                long at = now + random.nextLong(0, 6_000) * MILLIS;
                double phi = detector.phi(NODE, at);
                if (Math.abs(phi - threshold) > 1e-6) {
                    assertThat(detector.isAvailable(NODE, at))
                            .as("seed %d: phi %.6f against threshold %.6f", seed, phi, threshold)
                            .isEqualTo(phi < threshold);
                }
            }
        }
    }

    @Test
    void should_solve_the_threshold_for_the_deviations_where_phi_reaches_it() {
        assertThat(FailureDetectorConfig.DEFAULTS.thresholdInDeviations()).isCloseTo(5.226, within(0.001));
        for (double threshold : new double[] {0.1, 0.5, 1, 3, 8, 12, 16}) {
            double deviations =
                    FailureDetectorConfig.DEFAULTS.withThreshold(threshold).thresholdInDeviations();
            double phi = PhiAccrualFailureDetector.phi(1_000 + deviations * 100, 1_000, 100);
            assertThat(phi)
                    .as("phi at the solved point for threshold %s", threshold)
                    .isCloseTo(threshold, within(1e-6));
        }
    }

    @Test
    void should_be_available_again_after_a_restart_and_its_first_heartbeats() {
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(FailureDetectorConfig.DEFAULTS);
        long last = beatRegularly(detector, 100, 200);
        long restartedAt = last + 10_000 * MILLIS;
        assertThat(detector.isAvailable(NODE, restartedAt)).isFalse();

        detector.remove(NODE);
        assertThat(detector.isMonitoring(NODE)).isFalse();
        detector.heartbeat(NODE, restartedAt);

        assertThat(detector.isAvailable(NODE, restartedAt)).isTrue();
        assertThat(detector.phi(NODE, restartedAt)).isLessThan(0.01);
        for (int i = 1; i <= 10; i++) {
            long at = restartedAt + i * 200 * MILLIS;
            assertThat(detector.isAvailable(NODE, at))
                    .as("heartbeat %d after the restart", i)
                    .isTrue();
            detector.heartbeat(NODE, at);
        }
        assertThat(detector.lastHeartbeatNanos(NODE)).hasValue(restartedAt + 2_000 * MILLIS);
    }

    @Test
    void should_start_a_fresh_window_when_a_convicted_node_heartbeats_again() {
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(FailureDetectorConfig.DEFAULTS);
        long last = beatRegularly(detector, 100, 200);
        long resumedAt = last + 60_000 * MILLIS;
        detector.heartbeat(NODE, resumedAt);
        long now = resumedAt;
        for (int i = 0; i < 10; i++) {
            now += 200 * MILLIS;
            detector.heartbeat(NODE, now);
        }

        // Had the 60 s silence entered the window, the mean would be about 5 s and this would still be up.
        assertThat(detector.isAvailable(NODE, now)).isTrue();
        assertThat(detector.isAvailable(NODE, now + 2_500 * MILLIS)).isFalse();
    }

    @Test
    void should_forget_samples_older_than_its_window() {
        FailureDetectorConfig config = FailureDetectorConfig.DEFAULTS.withMaxSampleSize(10);
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(config);
        long now = beatRegularly(detector, 100, 200);
        for (int i = 0; i < 30; i++) {
            now += 600 * MILLIS;
            detector.heartbeat(NODE, now);
        }

        // Only the 600 ms intervals remain: 600 + 1000 + 5.226 × 100 ≈ 2122.6 ms.
        assertThat(detector.isAvailable(NODE, now + 2_100 * MILLIS)).isTrue();
        assertThat(detector.isAvailable(NODE, now + 2_150 * MILLIS)).isFalse();
    }

    @Test
    void should_keep_exact_statistics_over_many_window_turns() {
        FailureDetectorConfig config = FailureDetectorConfig.DEFAULTS.withMaxSampleSize(16);
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(config);
        SplittableRandom random = new SplittableRandom(7);
        long now = 0;
        for (int i = 0; i < 200_000; i++) {
            now += random.nextLong(1, 2_000) * MILLIS;
            detector.heartbeat(NODE, now);
        }
        for (int i = 0; i < 16; i++) {
            now += 300 * MILLIS;
            detector.heartbeat(NODE, now);
        }

        assertThat(detector.isAvailable(NODE, now + 1_822 * MILLIS)).isTrue();
        assertThat(detector.isAvailable(NODE, now + 1_823 * MILLIS)).isFalse();
    }

    @Test
    void should_reject_invalid_settings_naming_each_problem() {
        assertThatThrownBy(() -> new FailureDetectorConfig(0, 0, -1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold")
                .hasMessageContaining("minStdDeviationMillis")
                .hasMessageContaining("acceptableHeartbeatPauseMillis")
                .hasMessageContaining("firstHeartbeatEstimateMillis")
                .hasMessageContaining("maxSampleSize");
        assertThatThrownBy(() -> FailureDetectorConfig.DEFAULTS.withThreshold(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FailureDetectorConfig.DEFAULTS.withThreshold(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
