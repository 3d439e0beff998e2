package io.ringkv.benchmarks.load;

import java.util.SplittableRandom;

/**
 * Zipfian key indexes by YCSB's method (Gray et al., "Quickly Generating Billion-Record Synthetic
 * Databases", SIGMOD 1994): index i (rank i + 1) is drawn with probability {@code (1 / (i + 1)^theta) /
 * zeta(n, theta)}, so index 0 is the hottest key. One uniform draw and one {@code pow} per value; the
 * harmonic sum {@code zeta(n, theta)} is computed once, O(n), at construction.
 *
 * <p>YCSB also scrambles ranks with a hash so the hot keys do not sit next to each other in its ordered
 * key space. RingKV places keys by their Murmur3 token, so consecutive indexes already land in unrelated
 * partitions and the ranks are used as they are.
 */
public final class ZipfianGenerator implements KeyChooser {

    /** YCSB's default skew. */
    public static final double YCSB_ZIPFIAN_CONSTANT = 0.99;

    private final long keyCount;
    private final double theta;
    private final double zetaN;
    private final double alpha;
    private final double eta;
    private final double secondRankThreshold;

    /**
     * @param keyCount n, at least 2
     * @param theta skew, in (0, 1); YCSB uses 0.99
     */
    public ZipfianGenerator(long keyCount, double theta) {
        if (keyCount < 2) {
            throw new IllegalArgumentException("a zipfian distribution needs at least 2 keys, was " + keyCount);
        }
        if (!(theta > 0 && theta < 1)) {
            throw new IllegalArgumentException("zipfian constant must be within (0, 1), was " + theta);
        }
        this.keyCount = keyCount;
        this.theta = theta;
        this.zetaN = zeta(keyCount, theta);
        double zeta2 = zeta(2, theta);
        this.alpha = 1.0 / (1.0 - theta);
        this.eta = (1 - Math.pow(2.0 / keyCount, 1 - theta)) / (1 - zeta2 / zetaN);
        this.secondRankThreshold = 1.0 + Math.pow(0.5, theta);
    }

    /** {@code sum over i = 1..n of 1 / i^theta}. */
    static double zeta(long n, double theta) {
        double sum = 0;
        for (long i = 1; i <= n; i++) {
            sum += 1.0 / Math.pow(i, theta);
        }
        return sum;
    }

    /** The probability of index {@code index}, for tests and documentation. */
    public double probabilityOf(long index) {
        return 1.0 / Math.pow(index + 1, theta) / zetaN;
    }

    @Override
    public long keyCount() {
        return keyCount;
    }

    @Override
    public long nextKeyIndex(SplittableRandom random) {
        double u = random.nextDouble();
        double uz = u * zetaN;
        if (uz < 1.0) {
            return 0;
        }
        if (uz < secondRankThreshold) {
            return 1;
        }
        long index = (long) (keyCount * Math.pow(eta * u - eta + 1, alpha));
        // Rounding can reach n for u very close to 1; the distribution's support ends at n - 1.
        return Math.min(index, keyCount - 1);
    }
}
