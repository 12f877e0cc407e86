package io.paddock.bench.load;

/**
 * One repeat of one row against one server: what the client saw and what the server process
 * spent.
 *
 * @param outcome the client-side result
 * @param serverCpuNanos the server child's user+system CPU time during the repeat
 * @param peakRssKb the server child's peak resident set during the repeat (VmHWM)
 */
public record Measurement(RowOutcome outcome, long serverCpuNanos, long peakRssKb) {

    /** Answered requests per second of server CPU time. */
    public double opsPerCpuSecond() {
        return serverCpuNanos == 0 ? 0 : outcome.succeeded() * 1e9 / serverCpuNanos;
    }
}
