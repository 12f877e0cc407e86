package io.paddock.server.migrate;

import io.paddock.server.config.ServerConfig;
import io.paddock.storage.recovery.LogRecovery;
import io.paddock.storage.snapshot.SnapshotStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a server start on zoo.cfg's ZooKeeper data directory. The layout:
 *
 * <ul>
 *   <li>ZooKeeper's files stay where ZooKeeper keeps them ({@code dataDir/version-2},
 *       {@code dataLogDir/version-2}) and are never written, so ZooKeeper can still start on
 *       them.
 *   <li>Paddock's snapshots, {@code session.scheme} and {@code import-report.txt} live in
 *       {@code dataDir/paddock}; its txn log in {@code dataLogDir/paddock} (the same directory
 *       when dataLogDir is not set).
 * </ul>
 *
 * <p>At start: if {@code dataDir/paddock} exists, Paddock uses it. Otherwise, if the
 * directories hold a ZooKeeper snapshot or log (and no Paddock data of a server that ran on
 * dataDir itself), the ZooKeeper state is imported into {@code dataDir/paddock} first and the
 * report logged; corruption stops the start with the file and offset named. Otherwise dataDir
 * is Paddock's as before.
 *
 * <p>Thread-safe: stateless; runs once at start-up.
 */
public final class ZooKeeperStartup {
    public static final String PADDOCK_DIR = "paddock";
    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperStartup.class);

    private ZooKeeperStartup() {
    }

    /** The configuration the server's storage should use, after importing if there is cause. */
    public static ServerConfig storageConfig(ServerConfig config) {
        try {
            Path paddockData = config.dataDir().resolve(PADDOCK_DIR);
            if (!Files.isDirectory(paddockData)) {
                ZooKeeperDataDir zk = ZooKeeperDataDir.of(config.dataDir(), config.txnLogDir());
                if (!zk.exists()) {
                    return config;
                }
                if (hasOwnData(config)) {
                    LOG.warn("{} holds Paddock data of its own; the ZooKeeper data in {} is not"
                            + " imported", config.dataDir(), zk);
                    return config;
                }
                importInto(zk, paddockData);
            }
            Path logDir = config.dataLogDir() == null ? null
                    : config.dataLogDir().resolve(PADDOCK_DIR);
            return config.toBuilder().dataDir(paddockData).dataLogDir(logDir).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot import the ZooKeeper data in "
                    + config.dataDir(), e);
        }
    }

    private static void importInto(ZooKeeperDataDir zk, Path target) throws IOException {
        long started = System.nanoTime();
        LOG.info("{} is a ZooKeeper data directory; importing it into {}", zk, target);
        ZooKeeperImporter.Result r = ZooKeeperImporter.load(zk, new LoggingProgress());
        PaddockDataWriter.write(r.tree(), r.sessions(), r.report().lines(), target);
        for (String line : r.report().lines()) {
            LOG.info("import: {}", line);
        }
        LOG.info("imported ZooKeeper data in {} ms; ZooKeeper's files were not changed",
                (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean hasOwnData(ServerConfig config) throws IOException {
        return !SnapshotStore.list(config.dataDir()).isEmpty()
                || !LogRecovery.segmentFiles(config.txnLogDir()).isEmpty();
    }
}
