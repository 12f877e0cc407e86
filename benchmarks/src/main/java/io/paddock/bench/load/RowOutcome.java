package io.paddock.bench.load;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one repeat of one row did against one server, client side.
 *
 * @param attempted requests issued (or due)
 * @param succeeded requests answered without error
 * @param errors failures by name (a KeeperException code, "TIMEOUT", an exception class);
 *     every attempted request is either succeeded or counted here
 * @param elapsedNanos wall time of the measured part
 * @param latencyNanos latencies of answered requests, in nanoseconds
 */
public record RowOutcome(long attempted, long succeeded, Map<String, Long> errors,
        long elapsedNanos, Histogram latencyNanos) {

    /** Total failures. */
    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Answered requests per wall second. */
    public double opsPerSecond() {
        return elapsedNanos == 0 ? 0 : succeeded * 1e9 / elapsedNanos;
    }
}
