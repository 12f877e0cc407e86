package io.paddock.bench.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void oneSampleIsEveryPercentile() {
        assertEquals(new LatencyStats(1, 7, 7, 7, 7), LatencyStats.of(new long[] {7}));
    }

    @Test
    void oneToAThousandHitsTheExactRanks() {
        long[] samples = LongStream.rangeClosed(1, 1000).toArray();

        assertEquals(new LatencyStats(1000, 500, 990, 999, 1000), LatencyStats.of(samples));
    }

    @Test
    void roundsRanksUpNotToTheNearest() {
        // n = 10: p50 is rank 5, p99 rank ceil(9.9) = 10, p999 rank ceil(9.99) = 10.
        long[] samples = LongStream.rangeClosed(1, 10).map(i -> i * 100).toArray();

        assertEquals(new LatencyStats(10, 500, 1000, 1000, 1000), LatencyStats.of(samples));
    }

    @Test
    void anOddCountTakesTheMiddleSampleAsTheMedian() {
        assertEquals(2, LatencyStats.of(new long[] {3, 1, 2}).p50());
        assertEquals(2, LatencyStats.of(new long[] {4, 1, 3, 2}).p50());
    }

    @Test
    void oneSlowRequestInAThousandIsTheMaxButNotTheP999() {
        long[] samples = new long[1000];
        Arrays.fill(samples, 100);
        samples[0] = 1_000_000;

        assertEquals(100, LatencyStats.of(samples).p999());
        assertEquals(1_000_000, LatencyStats.of(samples).max());
    }

    @Test
    void twoSlowRequestsInAThousandReachTheP999() {
        long[] samples = new long[1000];
        Arrays.fill(samples, 100);
        samples[0] = 1_000_000;
        samples[1] = 1_000_000;

        assertEquals(1_000_000, LatencyStats.of(samples).p999());
        assertEquals(100, LatencyStats.of(samples).p99());
    }

    @Test
    void agreesWithTheDefinitionOnRandomSamples() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            long[] samples = random.longs(1 + random.nextInt(5000), 0, 10_000_000).toArray();
            long[] sorted = samples.clone();
            Arrays.sort(sorted);

            LatencyStats stats = LatencyStats.of(samples);

            assertEquals(samples.length, stats.count());
            assertEquals(sorted[rank(500, sorted.length)], stats.p50());
            assertEquals(sorted[rank(990, sorted.length)], stats.p99());
            assertEquals(sorted[rank(999, sorted.length)], stats.p999());
            assertEquals(sorted[sorted.length - 1], stats.max());
        }
    }

    @Test
    void leavesTheCallersArrayAlone() {
        long[] samples = {5, 3, 9, 1};

        LatencyStats.of(samples);

        assertArrayEquals(new long[] {5, 3, 9, 1}, samples);
    }

    @Test
    void refusesNoSamplesAndNegativeOnes() {
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.of(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.of(new long[] {5, -1}));
    }

    @Test
    void printsMicroseconds() {
        assertEquals("count=1 p50=1.5us p99=1.5us p999=1.5us max=1.5us",
                LatencyStats.of(new long[] {1500}).toString());
    }

    /** Zero-based index of the smallest rank k with k / n >= perMille / 1000, found by counting. */
    private static int rank(int perMille, int n) {
        for (int k = 1; k < n; k++) {
            if (k * 1000L >= (long) perMille * n) {
                return k - 1;
            }
        }
        return n - 1;
    }
}
