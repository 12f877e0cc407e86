package io.paddock.server.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.SyncRequestProcessor;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;
import org.apache.zookeeper.server.persistence.SnapStream;

/**
 * Apache ZooKeeper 3.9.5 in this JVM on a real data directory: it restores from and writes
 * snapshots and txn logs as a production server does. ZooKeeper takes its snapshot count,
 * snapshot compression and extended types from static state and system properties; they are
 * set for this server only and put back when it closes. One at a time per JVM.
 */
final class RealZooKeeper implements AutoCloseable {
    private static final String EXTENDED_TYPES = "zookeeper.extendedTypesEnabled";

    private final ZooKeeperServer server;
    private final ServerCnxnFactory factory;
    private final int previousSnapCount;
    private final SnapStream.StreamMode previousMode;
    private final String previousExtendedTypes;

    private RealZooKeeper(ZooKeeperServer server, ServerCnxnFactory factory, int previousSnapCount,
            SnapStream.StreamMode previousMode, String previousExtendedTypes) {
        this.server = server;
        this.factory = factory;
        this.previousSnapCount = previousSnapCount;
        this.previousMode = previousMode;
        this.previousExtendedTypes = previousExtendedTypes;
    }

    /**
     * @param dataDir zoo.cfg's dataDir (ZooKeeper adds version-2)
     * @param logDir zoo.cfg's dataLogDir
     * @param port the client port, 0 for any
     * @param snapCount ZooKeeper's snapCount (a snapshot after about half to all of it)
     * @param compression the snapshot compression ZooKeeper writes
     */
    static RealZooKeeper start(Path dataDir, Path logDir, int port, int snapCount,
            ZkCompression compression) {
        int previousSnapCount = SyncRequestProcessor.getSnapCount();
        SnapStream.StreamMode previousMode = SnapStream.getStreamMode();
        String previousExtended = System.setProperty(EXTENDED_TYPES, "true");
        SyncRequestProcessor.setSnapCount(snapCount);
        SnapStream.setStreamMode(switch (compression) {
            case NONE -> SnapStream.StreamMode.CHECKED;
            case GZIP -> SnapStream.StreamMode.GZIP;
            case SNAPPY -> SnapStream.StreamMode.SNAPPY;
        });
        try {
            // FileTxnSnapLog takes the log directory first, then the snapshot directory.
            ZooKeeperServer zks = new ZooKeeperServer(
                    new FileTxnSnapLog(logDir.toFile(), dataDir.toFile()), 2000, "");
            zks.setMaxSessionTimeout(120_000);
            ServerCnxnFactory factory = ServerCnxnFactory.createFactory(
                    new InetSocketAddress("127.0.0.1", port), 100);
            factory.startup(zks);
            return new RealZooKeeper(zks, factory, previousSnapCount, previousMode,
                    previousExtended);
        } catch (IOException e) {
            restore(previousSnapCount, previousMode, previousExtended);
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            restore(previousSnapCount, previousMode, previousExtended);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String connectString() {
        return "127.0.0.1:" + port();
    }

    int port() {
        return factory.getLocalPort();
    }

    ZooKeeperServer server() {
        return server;
    }

    /** ZooKeeper's own digest of its whole tree, as its digest checks compute it. */
    long treeDigest() {
        return server.getZKDatabase().getDataTree().getTreeDigest();
    }

    /** Stops as a kill would leave it: no snapshot, sessions still open in the data. */
    @Override
    public void close() {
        factory.shutdown();
        server.shutdown();
        restore(previousSnapCount, previousMode, previousExtendedTypes);
    }

    private static void restore(int snapCount, SnapStream.StreamMode mode, String extended) {
        SyncRequestProcessor.setSnapCount(snapCount);
        SnapStream.setStreamMode(mode);
        if (extended == null) {
            System.clearProperty(EXTENDED_TYPES);
        } else {
            System.setProperty(EXTENDED_TYPES, extended);
        }
    }
}
