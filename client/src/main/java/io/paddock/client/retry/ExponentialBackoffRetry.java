package io.paddock.client.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Retries up to {@code maxRetries} times, pausing {@code base * 2^n} before retry {@code n}
 * (capped at {@code cap}), each pause shortened by a random fraction of up to {@code jitter} so
 * clients that failed together do not retry together.
 *
 * <p>Thread-safe if its random generator is (the default one is).
 */
public final class ExponentialBackoffRetry implements RetryPolicy {
    /** Past this many doublings the pause is the cap anyway; avoids overflow. */
    private static final int MAX_SHIFT = 30;

    private final Duration base;
    private final Duration cap;
    private final int maxRetries;
    private final double jitter;
    private final RandomGenerator random;

    /** Base pause, a 30-second cap and half-pause jitter. */
    public ExponentialBackoffRetry(Duration base, int maxRetries) {
        this(base, Duration.ofSeconds(30), maxRetries, 0.5, RandomGenerator.getDefault());
    }

    /**
     * @param jitter from 0 (exact pauses) to 1 (a pause anywhere from 0 to the full backoff)
     * @param random the source of jitter; inject a seeded one to make pauses repeatable
     */
    public ExponentialBackoffRetry(Duration base, Duration cap, int maxRetries, double jitter,
            RandomGenerator random) {
        if (base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 <= base <= cap, got " + base + ", " + cap);
        }
        if (maxRetries < 0 || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("need maxRetries >= 0 and 0 <= jitter <= 1");
        }
        this.base = base;
        this.cap = cap;
        this.maxRetries = maxRetries;
        this.jitter = jitter;
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Optional<Duration> nextDelay(int retriesSoFar, Duration elapsed) {
        if (retriesSoFar >= maxRetries) {
            return Optional.empty();
        }
        long baseNanos = base.toNanos();
        int shift = Math.min(retriesSoFar, MAX_SHIFT);
        long backoff = baseNanos > (cap.toNanos() >> shift) ? cap.toNanos() : baseNanos << shift;
        long cut = jitter == 0 ? 0 : (long) (backoff * jitter * random.nextDouble());
        return Optional.of(Duration.ofNanos(backoff - cut));
    }
}
