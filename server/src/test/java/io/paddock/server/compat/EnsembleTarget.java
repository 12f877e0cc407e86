package io.paddock.server.compat;

import io.paddock.server.config.ServerConfig;
import io.paddock.server.testing.PaddockEnsemble;
import io.paddock.testing.Timing;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;

/**
 * A 3-server Paddock ensemble in this JVM, every server started with the test's settings, and
 * the client pointed at one follower: every write the contracts make is forwarded to the leader
 * and answered by the follower. Started, wiped and closed by one test thread.
 */
final class EnsembleTarget implements ServerUnderTest {
    /** The super identity {@link #wipe} deletes with, when the settings name none. */
    private static final String WIPE_SUPER = "super:ensemble-target-wipe";

    private final PaddockEnsemble ensemble;
    private final ServerSettings settings;
    private final long follower;

    private EnsembleTarget(PaddockEnsemble ensemble, ServerSettings settings) {
        this.ensemble = ensemble;
        this.settings = settings;
        this.follower = ensemble.awaitFollower();
    }

    static EnsembleTarget start(ServerSettings settings) {
        PaddockEnsemble ensemble = PaddockEnsemble.builder()
                .participants(3)
                .tickTime(settings.tickTime())
                .serverOptions(options(settings))
                .start();
        return new EnsembleTarget(ensemble, settings);
    }

    /** The settings as ServerConfig options, as PaddockTestingServer.Builder maps them. */
    private static Consumer<ServerConfig.Builder> options(ServerSettings settings) {
        return config -> {
            config.extendedTypesEnabled(settings.extendedTypesEnabled())
                    .fourLetterWhitelist(Arrays.stream(settings.fourLetterWhitelist().split(","))
                            .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet()))
                    .superDigest(settings.superDigest() != null
                            ? settings.superDigest() : digest(WIPE_SUPER));
            if (settings.minSessionTimeout() != null) {
                config.minSessionTimeout(settings.minSessionTimeout());
            }
            if (settings.maxSessionTimeout() != null) {
                config.maxSessionTimeout(settings.maxSessionTimeout());
            }
            if (settings.maxClientCnxns() != null) {
                config.maxClientCnxns(settings.maxClientCnxns());
            }
            if (settings.containerCheckIntervalMs() != null) {
                config.containerCheckIntervalMs(settings.containerCheckIntervalMs());
            }
            if (settings.juteMaxBuffer() != null) {
                config.juteMaxBuffer(settings.juteMaxBuffer());
            }
        };
    }

    private static String digest(String idPassword) {
        try {
            return DigestAuthenticationProvider.generateDigest(idPassword);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String connectString() {
        return ensemble.connectString(follower);
    }

    @Override
    public int port() {
        return ensemble.server(follower).address().getPort();
    }

    @Override
    public int juteMaxBuffer() {
        return settings.juteMaxBuffer() != null ? settings.juteMaxBuffer() : 0xfffff;
    }

    @Override
    public boolean honoursSuperDigest() {
        return true;
    }

    @Override
    public String mode() {
        return "follower";
    }

    /**
     * Deletes every znode but /zookeeper, through the follower, as the super identity, so the
     * next test finds the tree as a new server has it (save the counters: zxids, and the root's
     * sequence number). Returns false if it could not: the settings name a super digest whose
     * password this target does not know, and a node's ACL kept it out.
     */
    boolean wipe() {
        try {
            ZooKeeper zk = connectAsSuper();
            try {
                // Retried only for the races with a leftover session's expiry (its ephemerals).
                Timing.await().ignoreExceptionsMatching(e -> !(e instanceof KeeperException.NoAuthException))
                        .until(() -> {
                            for (String child : zk.getChildren("/", false)) {
                                if (!"zookeeper".equals(child)) {
                                    delete(zk, "/" + child);
                                }
                            }
                            return zk.getChildren("/", false).equals(List.of("zookeeper"));
                        });
                return true;
            } finally {
                zk.close();
            }
        } catch (Exception | AssertionError e) {
            return false;
        }
    }

    /** A leaf goes whatever its ACL (deleting asks the parent); a node with children first lists them. */
    private static void delete(ZooKeeper zk, String path) throws Exception {
        try {
            zk.delete(path, -1);
        } catch (KeeperException.NoNodeException gone) {
            // an expired session's ephemeral
        } catch (KeeperException.NotEmptyException parent) {
            for (String child : zk.getChildren(path, false)) {
                delete(zk, path + "/" + child);
            }
            zk.delete(path, -1);
        }
    }

    private ZooKeeper connectAsSuper() throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString(), CompatTestBase.SESSION_TIMEOUT, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!Timing.latch(connected, EventRecorder.WAIT)) {
            zk.close();
            throw new IllegalStateException("the wiping client never connected");
        }
        if (settings.superDigest() == null) {
            zk.addAuthInfo("digest", WIPE_SUPER.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return zk;
    }

    @Override
    public void close() {
        ensemble.close();
    }
}
