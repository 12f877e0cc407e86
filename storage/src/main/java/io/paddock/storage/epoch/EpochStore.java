package io.paddock.storage.epoch;

import java.io.IOException;
import java.nio.file.Path;

/**
 * ZAB's two durable epochs. {@code acceptedEpoch} is the newest epoch this server has promised
 * a prospective leader (NEWEPOCH, answered by ACKEPOCH); {@code currentEpoch} is the newest epoch
 * whose leader's history it has taken on (NEWLEADER, answered by ACK). Both only grow, and
 * {@code currentEpoch <= acceptedEpoch} always holds. A server must make a change durable before
 * it sends the message that depends on it.
 *
 * <p>Fresh storage has both at 0. {@link #write} refuses to move either backwards or to put
 * {@code currentEpoch} above {@code acceptedEpoch}, with {@link IllegalArgumentException}; an I/O
 * error stops the store for good ({@link io.paddock.storage.StorageFailureException}, fail-stop).
 *
 * <p>Implementations are thread-safe: one thread writes at a time, any thread reads.
 */
public interface EpochStore {

    /**
     * The epochs kept in {@code dir} (created if missing), as files {@code acceptedEpoch} and
     * {@code currentEpoch}; see {@link FileEpochStore} for the rules.
     *
     * @throws io.paddock.storage.StorageCorruptionException if a file is not a valid epoch
     */
    static EpochStore open(Path dir) throws IOException {
        return FileEpochStore.open(dir);
    }

    /** Epochs held in memory only, both 0, for tests and simulation. */
    static EpochStore inMemory() {
        return new MemoryEpochStore();
    }

    /** The newest epoch promised to a prospective leader; 0 when fresh. */
    long acceptedEpoch();

    /** The newest epoch whose leader's history this server has taken on; 0 when fresh. */
    long currentEpoch();

    /**
     * Makes both epochs durable before returning: {@code acceptedEpoch} first, then
     * {@code currentEpoch}, each only if it changed. A crash in between leaves the new accepted
     * and the old current epoch, which is a state ZAB passes through anyway.
     *
     * @throws IllegalArgumentException if either epoch is negative or lower than now, or
     *     {@code currentEpoch > acceptedEpoch}
     * @throws io.paddock.storage.StorageFailureException if writing fails now or failed before
     */
    void write(long acceptedEpoch, long currentEpoch);
}
