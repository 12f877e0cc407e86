package io.paddock.storage.epoch;

/**
 * The checks every {@link EpochStore} applies before a write.
 *
 * <p>Thread-safe: stateless.
 */
final class EpochRules {
    private EpochRules() {
    }

    static void checkWrite(long oldAccepted, long oldCurrent, long accepted, long current) {
        if (accepted < 0 || current < 0) {
            throw new IllegalArgumentException("epochs are not negative: acceptedEpoch "
                    + accepted + ", currentEpoch " + current);
        }
        if (accepted < oldAccepted) {
            throw new IllegalArgumentException("acceptedEpoch never moves backwards: it is "
                    + oldAccepted + ", asked for " + accepted);
        }
        if (current < oldCurrent) {
            throw new IllegalArgumentException("currentEpoch never moves backwards: it is "
                    + oldCurrent + ", asked for " + current);
        }
        if (current > accepted) {
            throw new IllegalArgumentException("currentEpoch " + current
                    + " would be above acceptedEpoch " + accepted);
        }
    }
}
