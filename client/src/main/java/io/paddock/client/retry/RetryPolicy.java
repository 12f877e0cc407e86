package io.paddock.client.retry;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides whether, and after what pause, an operation that failed with a retryable error
 * (connection loss, operation timeout, session moved) is tried again.
 *
 * <p>A pure function of its arguments (plus the policy's own random source for jitter): it reads
 * no clock and sleeps no thread, so the client schedules the retry without blocking a thread and
 * tests drive a policy with made-up elapsed times. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RetryPolicy {

    /**
     * @param retriesSoFar how many retries were already made (0 after the first failure)
     * @param elapsed the time since the first attempt started
     * @return the pause before the next attempt, or empty to give up and report the failure
     */
    Optional<Duration> nextDelay(int retriesSoFar, Duration elapsed);

    /** A policy that never retries. */
    static RetryPolicy none() {
        return (retries, elapsed) -> Optional.empty();
    }
}
