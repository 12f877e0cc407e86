package io.paddock.bench.load;

import java.util.Arrays;
import java.util.Locale;

/**
 * A latency distribution summarised by exact nearest-rank percentiles, in nanoseconds.
 *
 * <p>The nearest-rank p-th percentile of n sorted samples is the sample at rank
 * {@code ceil(p * n)} (1-based): always a latency that was measured, never an interpolation, so a
 * p999 over 1,000 samples is the slowest of them, not a blend. Ranks are computed in integer
 * arithmetic, so there is no floating-point rounding at the boundaries.
 *
 * @param count the number of samples
 * @param p50 the median
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the largest sample
 */
public record LatencyStats(long count, long p50, long p99, long p999, long max) {

    /**
     * Summarises the samples. The array is copied, not sorted in place.
     *
     * @param latencyNanos the measured latencies
     * @throws IllegalArgumentException if there are no samples or one is negative
     */
    public static LatencyStats of(long[] latencyNanos) {
        if (latencyNanos.length == 0) {
            throw new IllegalArgumentException("no latency samples");
        }
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        if (sorted[0] < 0) {
            throw new IllegalArgumentException("negative latency " + sorted[0] + " ns");
        }
        return new LatencyStats(sorted.length,
                nearestRank(sorted, 500), nearestRank(sorted, 990), nearestRank(sorted, 999),
                sorted[sorted.length - 1]);
    }

    /** The sample at rank ceil(perMille / 1000 * n), computed exactly. */
    private static long nearestRank(long[] sorted, int perMille) {
        long n = sorted.length;
        long rank = (perMille * n + 999) / 1000;
        return sorted[(int) Math.max(rank, 1) - 1];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "count=%d p50=%.1fus p99=%.1fus p999=%.1fus max=%.1fus",
                count, p50 / 1e3, p99 / 1e3, p999 / 1e3, max / 1e3);
    }
}
