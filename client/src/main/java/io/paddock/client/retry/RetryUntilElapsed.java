package io.paddock.client.retry;

import java.time.Duration;
import java.util.Optional;

/**
 * Retries with a fixed pause for as long as the retry would start within {@code maxElapsed} of
 * the first attempt. Immutable, thread-safe.
 */
public final class RetryUntilElapsed implements RetryPolicy {
    private final Duration maxElapsed;
    private final Duration pause;

    public RetryUntilElapsed(Duration maxElapsed, Duration pause) {
        if (maxElapsed.isNegative() || pause.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        this.maxElapsed = maxElapsed;
        this.pause = pause;
    }

    @Override
    public Optional<Duration> nextDelay(int retriesSoFar, Duration elapsed) {
        return elapsed.plus(pause).compareTo(maxElapsed) <= 0 ? Optional.of(pause) : Optional.empty();
    }
}
