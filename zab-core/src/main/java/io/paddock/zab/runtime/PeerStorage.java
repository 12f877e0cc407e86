package io.paddock.zab.runtime;

import io.paddock.storage.epoch.EpochStore;
import io.paddock.storage.epoch.FileEpochStore;
import io.paddock.storage.log.FileTxnLogOptions;
import io.paddock.storage.log.TxnLog;
import io.paddock.storage.recovery.CorruptionPolicy;
import io.paddock.storage.recovery.LogRecovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A peer's durable state as the runtime uses it: the txn log, the two epochs, and a work
 * directory for snapshots being received or installed. The runtime owns it once given: it writes
 * the log from its persist thread and closes it.
 *
 * @param log the txn log (written only by the runtime's persist thread)
 * @param epochs acceptedEpoch and currentEpoch
 * @param workDir received snapshot streams and the install marker ({@link InstallMarker})
 */
public record PeerStorage(TxnLog log, EpochStore epochs, Path workDir) implements AutoCloseable {

    /**
     * Opens (or creates) the standard layout under {@code dataDir}: {@code log/} (recovered
     * first; damage in the middle stops start-up with the file and offset named), {@code epochs/}
     * and {@code zab/}.
     */
    public static PeerStorage open(Path dataDir, FileTxnLogOptions options) throws IOException {
        Path work = dataDir.resolve("zab");
        Files.createDirectories(work);
        EpochStore epochs = FileEpochStore.open(dataDir.resolve("epochs"));
        TxnLog log = LogRecovery.open(dataDir.resolve("log"), options, CorruptionPolicy.REFUSE);
        return new PeerStorage(log, epochs, work);
    }

    /** Closes the log; appends not yet flushed may be lost, as in a crash. */
    @Override
    public void close() {
        log.close();
    }
}
