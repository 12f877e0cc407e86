package io.paddock.server.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.jute.BinaryInputArchive;
import org.apache.zookeeper.server.ContainerManager;
import org.apache.zookeeper.server.RequestProcessor;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZKDatabase;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.apache.zookeeper.server.persistence.FileTxnSnapLog;

/**
 * Apache ZooKeeper 3.9.5's standalone server in this JVM, the reference Paddock is checked
 * against: the one way every test starts it. It listens on an ephemeral port of 127.0.0.1, keeps
 * its (always empty at start) data in a temporary directory that {@link #close()} deletes, and
 * never writes snapshots, so no compression library is needed on the classpath.
 *
 * <pre>{@code
 * try (ZooKeeperReference zk = ZooKeeperReference.builder().tickTime(100).extendedTypes(true).start()) {
 *     ZooKeeper client = new ZooKeeper(zk.connectString(), 4000, event -> { });
 * }
 * }</pre>
 *
 * <p>ZooKeeper takes some options only from system properties, which this class sets: the
 * four-letter whitelist (read once per JVM, at the first four-letter word, so every reference in
 * a JVM must ask for the same one, {@link #DEFAULT_FOUR_LETTER_WORDS} unless told otherwise) and
 * {@code zookeeper.extendedTypesEnabled} (read on every request, set while this server runs and
 * put back by {@link #close()}: two running references must agree on it). jute.maxbuffer is
 * ZooKeeper's default.
 *
 * <p>Thread-safety: started and closed by one thread; the getters may be called from any.
 * Requires {@code org.apache.zookeeper:zookeeper} and {@code io.dropwizard.metrics:metrics-core}
 * on the test classpath (test scope); this kit does not bring them.
 */
public final class ZooKeeperReference implements AutoCloseable {
    /** Every four-letter word but {@code dump}, which compatibility tests keep refused on purpose. */
    public static final String DEFAULT_FOUR_LETTER_WORDS = "ruok,srvr,stat,mntr,conf,cons,envi,wchs,isro";

    private static final String WHITELIST_PROPERTY = "zookeeper.4lw.commands.whitelist";
    private static final String EXTENDED_TYPES_PROPERTY = "zookeeper.extendedTypesEnabled";
    /** The whitelist this JVM's ZooKeeper has been given; ZooKeeper reads it only once. */
    private static final AtomicReference<String> FIXED_WHITELIST = new AtomicReference<>();

    private final Path dir;
    private final ReferenceServer server;
    private final ServerCnxnFactory factory;
    private final ContainerManager containers;
    private final String previousExtendedTypes;

    private ZooKeeperReference(Path dir, ReferenceServer server, ServerCnxnFactory factory,
            ContainerManager containers, String previousExtendedTypes) {
        this.dir = dir;
        this.server = server;
        this.factory = factory;
        this.containers = containers;
        this.previousExtendedTypes = previousExtendedTypes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A reference with the defaults: tickTime 2000, no extended types, 60 connections per IP. */
    public static ZooKeeperReference start() {
        return builder().start();
    }

    /** host:port to hand to a client. */
    public String connectString() {
        return "127.0.0.1:" + port();
    }

    public int port() {
        return factory.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port());
    }

    /**
     * The server itself, for tests that call ZooKeeper's internals directly (for example its
     * admin {@code Commands}, whose HTTP server this reference does not start).
     */
    public ZooKeeperServer zooKeeperServer() {
        return server;
    }

    /** The largest frame this JVM's ZooKeeper accepts (jute.maxbuffer). */
    public int juteMaxBuffer() {
        return BinaryInputArchive.maxBuffer;
    }

    /** Stops the server, puts back the extended-types property and deletes the data directory. */
    @Override
    public void close() {
        if (containers != null) {
            containers.stop();
        }
        factory.shutdown();
        server.shutdown();
        restore(EXTENDED_TYPES_PROPERTY, previousExtendedTypes);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, previous);
        }
    }

    /** Options of a reference server; each defaults to ZooKeeper's own default. */
    public static final class Builder {
        private int tickTime = 2000;
        private Integer minSessionTimeout;
        private Integer maxSessionTimeout;
        private int maxClientCnxns = 60;
        private boolean extendedTypes;
        private Duration containerCheckInterval;
        private String fourLetterWords = DEFAULT_FOUR_LETTER_WORDS;

        private Builder() {
        }

        public Builder tickTime(int millis) {
            this.tickTime = millis;
            return this;
        }

        public Builder minSessionTimeout(int millis) {
            this.minSessionTimeout = millis;
            return this;
        }

        public Builder maxSessionTimeout(int millis) {
            this.maxSessionTimeout = millis;
            return this;
        }

        /** Connections allowed from one address; 0 for no limit. */
        public Builder maxClientCnxns(int max) {
            this.maxClientCnxns = max;
            return this;
        }

        /** Allows TTL nodes (zookeeper.extendedTypesEnabled) while this server runs. */
        public Builder extendedTypes(boolean enabled) {
            this.extendedTypes = enabled;
            return this;
        }

        /** Runs the container and TTL reaper at this interval; without it nothing is reaped. */
        public Builder containerCheckInterval(Duration interval) {
            this.containerCheckInterval = interval;
            return this;
        }

        /**
         * The four-letter words to allow, comma-separated, as zookeeper.4lw.commands.whitelist.
         *
         * @throws IllegalStateException at {@link #start()} if this JVM's ZooKeeper was already
         *     given another list (it reads the list only once)
         */
        public Builder fourLetterWords(String whitelist) {
            this.fourLetterWords = whitelist;
            return this;
        }

        public ZooKeeperReference start() {
            fixWhitelist(fourLetterWords);
            String previousExtendedTypes =
                    System.setProperty(EXTENDED_TYPES_PROPERTY, Boolean.toString(extendedTypes));
            try {
                return startServer(previousExtendedTypes);
            } catch (IOException e) {
                restore(EXTENDED_TYPES_PROPERTY, previousExtendedTypes);
                throw new UncheckedIOException("could not start the ZooKeeper reference", e);
            } catch (InterruptedException e) {
                restore(EXTENDED_TYPES_PROPERTY, previousExtendedTypes);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted starting the ZooKeeper reference", e);
            }
        }

        private ZooKeeperReference startServer(String previousExtendedTypes)
                throws IOException, InterruptedException {
            Path dir = Files.createTempDirectory("zk-reference");
            ReferenceServer server = new ReferenceServer(dir.toFile(), tickTime);
            if (minSessionTimeout != null) {
                server.setMinSessionTimeout(minSessionTimeout);
            }
            if (maxSessionTimeout != null) {
                server.setMaxSessionTimeout(maxSessionTimeout);
            }
            ServerCnxnFactory factory = ServerCnxnFactory.createFactory(
                    new InetSocketAddress("127.0.0.1", 0), maxClientCnxns);
            factory.startup(server);
            ContainerManager containers = null;
            if (containerCheckInterval != null) {
                containers = new ContainerManager(server.getZKDatabase(), server.firstProcessor(),
                        Math.toIntExact(containerCheckInterval.toMillis()), 10_000);
                containers.start();
            }
            return new ZooKeeperReference(dir, server, factory, containers, previousExtendedTypes);
        }

        private static void fixWhitelist(String whitelist) {
            String fixed = FIXED_WHITELIST.updateAndGet(current -> current == null ? whitelist : current);
            if (!fixed.equals(whitelist)) {
                throw new IllegalStateException("ZooKeeper reads " + WHITELIST_PROPERTY
                        + " once per JVM and already has \"" + fixed + "\"; cannot switch to \""
                        + whitelist + "\"");
            }
            System.setProperty(WHITELIST_PROPERTY, whitelist);
            // Without this ZooKeeper would also start its admin HTTP server on port 8080.
            System.setProperty("zookeeper.admin.enableServer", "false");
        }
    }

    /**
     * Exposes the first request processor, which the container reaper submits deletes to, and
     * never snapshots: a test server has nothing to keep, and the snapshot code would need
     * snappy-java on the classpath.
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
