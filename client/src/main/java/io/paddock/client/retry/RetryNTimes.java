package io.paddock.client.retry;

import java.time.Duration;
import java.util.Optional;

/** Retries up to {@code n} times with the same pause before each. Immutable, thread-safe. */
public final class RetryNTimes implements RetryPolicy {
    private final int n;
    private final Duration pause;

    public RetryNTimes(int n, Duration pause) {
        if (n < 0 || pause.isNegative()) {
            throw new IllegalArgumentException("need n >= 0 and a non-negative pause");
        }
        this.n = n;
        this.pause = pause;
    }

    @Override
    public Optional<Duration> nextDelay(int retriesSoFar, Duration elapsed) {
        return retriesSoFar < n ? Optional.of(pause) : Optional.empty();
    }
}
