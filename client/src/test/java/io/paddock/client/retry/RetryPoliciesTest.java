package io.paddock.client.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPoliciesTest {
    private static final Duration ZERO = Duration.ZERO;

    @Test
    void exponentialBackoffDoublesUpToTheCapAndStopsAfterMaxRetries() {
        RetryPolicy p = new ExponentialBackoffRetry(Duration.ofMillis(100), Duration.ofMillis(700),
                5, 0, RandomGenerator.getDefault());
        assertEquals(Optional.of(Duration.ofMillis(100)), p.nextDelay(0, ZERO));
        assertEquals(Optional.of(Duration.ofMillis(200)), p.nextDelay(1, ZERO));
        assertEquals(Optional.of(Duration.ofMillis(400)), p.nextDelay(2, ZERO));
        assertEquals(Optional.of(Duration.ofMillis(700)), p.nextDelay(3, ZERO));
        assertEquals(Optional.of(Duration.ofMillis(700)), p.nextDelay(4, ZERO));
        assertEquals(Optional.empty(), p.nextDelay(5, ZERO));
    }

    @Test
    void backoffDoesNotOverflowForManyRetries() {
        RetryPolicy p = new ExponentialBackoffRetry(Duration.ofSeconds(1), Duration.ofSeconds(30),
                1000, 0, RandomGenerator.getDefault());
        assertEquals(Optional.of(Duration.ofSeconds(30)), p.nextDelay(999, ZERO));
        assertEquals(Optional.of(Duration.ofSeconds(30)), p.nextDelay(62, ZERO));
    }

    @Test
    void jitterShortensPausesWithinItsFractionRepeatablyForASeed() {
        RetryPolicy a = new ExponentialBackoffRetry(Duration.ofMillis(100), Duration.ofSeconds(10),
                10, 0.5, new SplittableRandom(7));
        RetryPolicy b = new ExponentialBackoffRetry(Duration.ofMillis(100), Duration.ofSeconds(10),
                10, 0.5, new SplittableRandom(7));
        boolean varied = false;
        for (int i = 0; i < 6; i++) {
            long full = 100L << i;
            long ms = a.nextDelay(i, ZERO).orElseThrow().toMillis();
            assertTrue(ms >= full / 2 && ms <= full, "retry " + i + " paused " + ms);
            assertEquals(ms, b.nextDelay(i, ZERO).orElseThrow().toMillis());
            varied |= ms != full;
        }
        assertTrue(varied, "jitter changed nothing");
    }

    @Test
    void retryNTimesUsesOnePause() {
        RetryPolicy p = new RetryNTimes(2, Duration.ofMillis(50));
        assertEquals(Optional.of(Duration.ofMillis(50)), p.nextDelay(0, ZERO));
        assertEquals(Optional.of(Duration.ofMillis(50)), p.nextDelay(1, Duration.ofHours(1)));
        assertEquals(Optional.empty(), p.nextDelay(2, ZERO));
    }

    @Test
    void retryUntilElapsedStopsWhenTheNextTryWouldStartTooLate() {
        RetryPolicy p = new RetryUntilElapsed(Duration.ofSeconds(1), Duration.ofMillis(300));
        assertEquals(Optional.of(Duration.ofMillis(300)), p.nextDelay(0, ZERO));
        assertEquals(Optional.of(Duration.ofMillis(300)), p.nextDelay(7, Duration.ofMillis(700)));
        assertEquals(Optional.empty(), p.nextDelay(1, Duration.ofMillis(701)));
        assertEquals(Optional.empty(), RetryPolicy.none().nextDelay(0, ZERO));
    }
}
