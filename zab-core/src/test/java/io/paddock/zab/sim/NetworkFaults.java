package io.paddock.zab.sim;

/**
 * The network's fault knobs. Mutable on purpose: the simulator turns faults off for the
 * liveness phase, and a script sets what its scenario needs.
 */
final class NetworkFaults {
    long minDelay;
    long maxDelay;
    double dropRate;
    double duplicateRate;
    /** Of the messages in flight when a connection breaks, the share that arrives later anyway. */
    double staleRate;
    /** How late a stale message may arrive, in time units. */
    long staleDelay;

    NetworkFaults(long minDelay, long maxDelay, double dropRate, double duplicateRate,
            double staleRate, long staleDelay) {
        this.minDelay = minDelay;
        this.maxDelay = maxDelay;
        this.dropRate = dropRate;
        this.duplicateRate = duplicateRate;
        this.staleRate = staleRate;
        this.staleDelay = staleDelay;
    }

    /** No delay and no faults: a script delivers by hand. */
    static NetworkFaults none() {
        return new NetworkFaults(0, 0, 0, 0, 0, 0);
    }
}
