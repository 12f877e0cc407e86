package io.paddock.server.compat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.jute.BinaryInputArchive;
import org.apache.zookeeper.server.ContainerManager;
import org.apache.zookeeper.server.RequestProcessor;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZKDatabase;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;

/**
 * Apache ZooKeeper 3.9.5 in this JVM, the reference every contract is first checked against.
 * ZooKeeper reads a few options from system properties once per JVM, so those are fixed here:
 * the four-letter whitelist is {@link ServerSettings#FOUR_LETTER_WHITELIST}, jute.maxbuffer is
 * its default and the super digest is not set. Started and closed by one test thread.
 */
final class ZooKeeperTarget implements ServerUnderTest {
    private static final int DEFAULT_MAX_CLIENT_CNXNS = 60;
    private static final String EXTENDED_TYPES = "zookeeper.extendedTypesEnabled";

    static {
        // The reference server knows no other way to take these; Paddock's test kit takes a builder.
        System.setProperty("zookeeper.4lw.commands.whitelist", ServerSettings.FOUR_LETTER_WHITELIST);
        System.setProperty("zookeeper.admin.enableServer", "false");
    }

    private final Path dir;
    private final ReferenceServer zooKeeper;
    private final ServerCnxnFactory factory;
    private final ContainerManager containers;
    private final String previousExtendedTypes;

    private ZooKeeperTarget(Path dir, ReferenceServer zooKeeper, ServerCnxnFactory factory,
            ContainerManager containers, String previousExtendedTypes) {
        this.previousExtendedTypes = previousExtendedTypes;
        this.dir = dir;
        this.zooKeeper = zooKeeper;
        this.factory = factory;
        this.containers = containers;
    }

    static ServerUnderTest start(ServerSettings settings) {
        // ZooKeeper reads this one on every request; it is put back when the server closes.
        String previousExtendedTypes = System.setProperty(EXTENDED_TYPES,
                Boolean.toString(settings.extendedTypesEnabled()));
        try {
            Path dir = Files.createTempDirectory("zk-reference");
            ReferenceServer zks = new ReferenceServer(dir.toFile(), settings.tickTime());
            if (settings.minSessionTimeout() != null) {
                zks.setMinSessionTimeout(settings.minSessionTimeout());
            }
            if (settings.maxSessionTimeout() != null) {
                zks.setMaxSessionTimeout(settings.maxSessionTimeout());
            }
            int maxCnxns = settings.maxClientCnxns() != null ? settings.maxClientCnxns() : DEFAULT_MAX_CLIENT_CNXNS;
            ServerCnxnFactory factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), maxCnxns);
            factory.startup(zks);
            ContainerManager containers = null;
            if (settings.containerCheckIntervalMs() != null) {
                containers = new ContainerManager(zks.getZKDatabase(), zks.firstProcessor(),
                        settings.containerCheckIntervalMs().intValue(), 10_000);
                containers.start();
            }
            return new ZooKeeperTarget(dir, zks, factory, containers, previousExtendedTypes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String connectString() {
        return "127.0.0.1:" + port();
    }

    @Override
    public int port() {
        return factory.getLocalPort();
    }

    @Override
    public int juteMaxBuffer() {
        return BinaryInputArchive.maxBuffer;
    }

    @Override
    public boolean honoursSuperDigest() {
        return false;
    }

    @Override
    public boolean isReference() {
        return true;
    }

    @Override
    public void close() {
        if (containers != null) {
            containers.stop();
        }
        factory.shutdown();
        zooKeeper.shutdown();
        if (previousExtendedTypes == null) {
            System.clearProperty(EXTENDED_TYPES);
        } else {
            System.setProperty(EXTENDED_TYPES, previousExtendedTypes);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A leftover temp directory is harmless.
        }
    }

    /**
     * Exposes the first request processor, which the container reaper submits deletes to, and
     * never snapshots: the snapshot code needs snappy-java, which this classpath does not carry,
     * and a test server has nothing to keep.
     */
    private static final class ReferenceServer extends ZooKeeperServer {
        ReferenceServer(File dir, int tickTime) throws IOException {
            super(dir, dir, tickTime);
            setZKDatabase(new EmptyDatabase(getTxnLogFactory()));
        }

        @Override
        public File takeSnapshot() {
            return null;
        }

        @Override
        public File takeSnapshot(boolean syncSnap) {
            return null;
        }

        @Override
        public File takeSnapshot(boolean syncSnap, boolean isSevere) {
            return null;
        }

        RequestProcessor firstProcessor() {
            return firstProcessor;
        }
    }

    /** A database that starts empty instead of restoring (and snapshotting) a data directory. */
    private static final class EmptyDatabase extends ZKDatabase {
        EmptyDatabase(FileTxnSnapLog log) {
            super(log);
        }

        @Override
        public long loadDataBase() {
            return getDataTreeLastProcessedZxid();
        }
    }
}
