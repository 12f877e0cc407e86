package io.paddock.storage.epoch;

/**
 * An {@link EpochStore} in memory, with the same rules as the file store and no I/O: for tests
 * and simulation, where one instance outlives a simulated restart of its server.
 *
 * <p>Thread-safe: writes are synchronized, reads see the last write.
 */
public final class MemoryEpochStore implements EpochStore {
    private volatile long acceptedEpoch;
    private volatile long currentEpoch;

    @Override
    public long acceptedEpoch() {
        return acceptedEpoch;
    }

    @Override
    public long currentEpoch() {
        return currentEpoch;
    }

    @Override
    public synchronized void write(long accepted, long current) {
        EpochRules.checkWrite(acceptedEpoch, currentEpoch, accepted, current);
        acceptedEpoch = accepted;
        currentEpoch = current;
    }

    @Override
    public String toString() {
        return "MemoryEpochStore[acceptedEpoch=" + acceptedEpoch + ", currentEpoch="
                + currentEpoch + "]";
    }
}
