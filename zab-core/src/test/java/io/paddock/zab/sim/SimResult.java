package io.paddock.zab.sim;

/**
 * How one seed's run ended: {@code failure} is null when every check held, else the full report
 * (seed, replay command, options, peers, trace); {@code check} names the property that broke.
 */
public record SimResult(long seed, String check, String failure, SimStats stats) {

    public boolean ok() {
        return failure == null;
    }
}
