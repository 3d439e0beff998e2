package io.ringkv.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZipfianGeneratorTest {

    private static final long SEED = 20261125L;
    private static final int KEYS = 1_000;
    private static final int DRAWS = 400_000;

    private static long[] histogram(ZipfianGenerator generator) {
        SplittableRandom random = new SplittableRandom(SEED);
        long[] counts = new long[KEYS];
        for (int i = 0; i < DRAWS; i++) {
            long index = generator.nextKeyIndex(random);
            assertThat(index).as("draw %d (seed %d)", i, SEED).isBetween(0L, (long) KEYS - 1);
            counts[(int) index]++;
        }
        return counts;
    }

    @Test
    void should_draw_the_hottest_keys_as_often_as_the_zipf_law_says() {
        ZipfianGenerator generator = new ZipfianGenerator(KEYS, ZipfianGenerator.YCSB_ZIPFIAN_CONSTANT);
        long[] counts = histogram(generator);

        // With theta 0.99 and 1,000 keys, index 0 is drawn about 13 % of the time; 400,000 draws put
        // the sample frequency within about 0.2 % of it, so a 5 % relative tolerance is safe.
        double rank1 = counts[0] / (double) DRAWS;
        double rank2 = counts[1] / (double) DRAWS;
        assertThat(rank1).isCloseTo(generator.probabilityOf(0), within(0.05 * generator.probabilityOf(0)));
        assertThat(rank2).isCloseTo(generator.probabilityOf(1), within(0.05 * generator.probabilityOf(1)));
        assertThat(generator.probabilityOf(0)).isCloseTo(1 / ZipfianGenerator.zeta(KEYS, 0.99), within(1e-12));
    }

    @Test
    void should_make_frequency_fall_with_rank() {
        ZipfianGenerator generator = new ZipfianGenerator(KEYS, ZipfianGenerator.YCSB_ZIPFIAN_CONSTANT);
        long[] counts = histogram(generator);

        assertThat(counts[0]).isGreaterThan(counts[1]);
        assertThat(counts[1]).isGreaterThan(counts[9]);
        assertThat(counts[9]).isGreaterThan(counts[99]);
        // The method approximates the Zipf law beyond the first two ranks, so the shares of the top 1 %
        // (about 38 % of draws) and of the bottom half (about 9.6 %) get a looser absolute tolerance.
        assertThat(share(counts, 0, 10)).isCloseTo(probability(generator, 0, 10), within(0.02));
        assertThat(share(counts, KEYS / 2, KEYS)).isCloseTo(probability(generator, KEYS / 2, KEYS), within(0.01));
    }

    private static double share(long[] counts, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += counts[i];
        }
        return sum / (double) DRAWS;
    }

    private static double probability(ZipfianGenerator generator, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += generator.probabilityOf(i);
        }
        return sum;
    }

    @Test
    void should_repeat_the_same_sequence_for_the_same_seed() {
        ZipfianGenerator generator = new ZipfianGenerator(100_000, ZipfianGenerator.YCSB_ZIPFIAN_CONSTANT);
        SplittableRandom first = new SplittableRandom(SEED);
        SplittableRandom second = new SplittableRandom(SEED);
        for (int i = 0; i < 1_000; i++) {
            assertThat(generator.nextKeyIndex(first)).isEqualTo(generator.nextKeyIndex(second));
        }
    }

    @Test
    void should_compute_the_harmonic_sum() {
        assertThat(ZipfianGenerator.zeta(1, 0.99)).isEqualTo(1.0);
        assertThat(ZipfianGenerator.zeta(2, 0.99)).isCloseTo(1 + Math.pow(0.5, 0.99), within(1e-12));
    }

    @Test
    void should_reject_a_key_space_without_a_tail() {
        assertThatThrownBy(() -> new ZipfianGenerator(1, 0.99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ZipfianGenerator(10, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_spread_uniform_keys_evenly() {
        UniformKeyChooser chooser = new UniformKeyChooser(10);
        SplittableRandom random = new SplittableRandom(SEED);
        long[] counts = new long[10];
        for (int i = 0; i < 100_000; i++) {
            counts[(int) chooser.nextKeyIndex(random)]++;
        }
        for (long count : counts) {
            assertThat(count).isBetween(9_500L, 10_500L);
        }
    }
}
