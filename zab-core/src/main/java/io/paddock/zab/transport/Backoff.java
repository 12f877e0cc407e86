package io.paddock.zab.transport;

import java.time.Duration;

/**
 * Retry delays that double from a minimum to a cap, and start over after a success.
 *
 * <p>Not thread-safe: owned by one link on the transport's event loop.
 */
final class Backoff {
    private final long minNanos;
    private final long maxNanos;
    private long nextNanos;

    Backoff(Duration min, Duration max) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.nextNanos = minNanos;
    }

    /** The delay before the next attempt; each call doubles the following one, up to the cap. */
    long nextDelayNanos() {
        long delay = nextNanos;
        nextNanos = Math.min(maxNanos, nextNanos * 2);
        return delay;
    }

    void reset() {
        nextNanos = minNanos;
    }
}
