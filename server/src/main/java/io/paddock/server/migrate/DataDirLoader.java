package io.paddock.server.migrate;

import io.paddock.server.persistence.Recovery;
import io.paddock.server.persistence.TreeState;
import io.paddock.server.tree.DataTree;
import io.paddock.server.watch.WatchManager;
import io.paddock.storage.log.FileTxnLog;
import io.paddock.storage.log.FileTxnLogOptions;
import io.paddock.storage.recovery.LogRecovery;
import io.paddock.storage.recovery.RecoveredLog;
import io.paddock.storage.snapshot.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads the state of a data directory of either kind without changing a byte of it: a
 * ZooKeeper one through {@link ZooKeeperImporter}, a Paddock one through Paddock's own recovery
 * over a read-only snapshot store and a log checked in place (a torn tail is left as it is).
 *
 * <p>Which kind a directory is: {@code DIR/paddock} present means the Paddock data a server
 * keeps beside imported ZooKeeper data; else a {@code DIR/version-2} with ZooKeeper files means
 * ZooKeeper; else Paddock data in DIR itself. A format may also be named to settle it.
 *
 * <p>Thread-safe: stateless.
 */
public final class DataDirLoader {

    /** The two on-disk formats. */
    public enum Format {
        ZOOKEEPER,
        PADDOCK
    }

    /** A loaded state and where it came from. */
    public record Loaded(DataTree tree, Map<Long, Integer> sessions, Format format,
            String source, ImportReport report) {
    }

    private DataDirLoader() {
    }

    /**
     * @param dataDir the data directory
     * @param logDir its separate log directory, or null
     * @param format the format, or null to tell it from the directory
     */
    public static Loaded load(Path dataDir, Path logDir, Format format, Progress progress)
            throws IOException {
        Path logs = logDir == null ? dataDir : logDir;
        ZooKeeperDataDir zk = ZooKeeperDataDir.of(dataDir, logs);
        Path paddockData = dataDir.resolve(ZooKeeperStartup.PADDOCK_DIR);
        boolean besideZooKeeper = Files.isDirectory(paddockData);
        Format f = format != null ? format
                : besideZooKeeper ? Format.PADDOCK : zk.exists() ? Format.ZOOKEEPER : Format.PADDOCK;
        if (f == Format.ZOOKEEPER) {
            if (!zk.exists()) {
                throw new IOException("no ZooKeeper snapshot or log in " + zk);
            }
            ZooKeeperImporter.Result r = ZooKeeperImporter.load(zk, progress);
            return new Loaded(r.tree(), r.sessions(), f, "ZooKeeper data in " + zk, r.report());
        }
        Path data = besideZooKeeper ? paddockData : dataDir;
        Path log = besideZooKeeper ? logs.resolve(ZooKeeperStartup.PADDOCK_DIR) : logs;
        return loadPaddock(data, log);
    }

    private static Loaded loadPaddock(Path data, Path logDir) throws IOException {
        SnapshotStore store = SnapshotStore.readOnly(data);
        RecoveredLog checked = LogRecovery.inspect(logDir);
        if (store.snapshots().isEmpty() && checked.segments().isEmpty()) {
            throw new IOException("no Paddock snapshot or txn log in " + data
                    + (data.equals(logDir) ? "" : " and " + logDir)
                    + ", and no ZooKeeper version-2 directory");
        }
        FileTxnLog log = new FileTxnLog(logDir, checked.segments(), FileTxnLogOptions.defaults());
        try {
            TreeState state = Recovery.recover(store, () -> log, new WatchManager());
            return new Loaded(state.tree(), state.sessions(), Format.PADDOCK,
                    "Paddock data in " + data + (data.equals(logDir) ? "" : " and " + logDir),
                    null);
        } finally {
            log.close();
        }
    }
}
