package io.paddock.server.compat;

import io.paddock.server.testing.ZooKeeperReference;
import java.time.Duration;

/**
 * Apache ZooKeeper 3.9.5 in this JVM, the reference every contract is first checked against,
 * started by the shared test kit. ZooKeeper reads some options from system properties once per
 * JVM: the four-letter whitelist is {@link ServerSettings#FOUR_LETTER_WHITELIST}, jute.maxbuffer
 * is its default and the super digest is not set. Started and closed by one test thread.
 */
final class ZooKeeperTarget implements ServerUnderTest {
    private static final int DEFAULT_MAX_CLIENT_CNXNS = 60;

    private final ZooKeeperReference zooKeeper;

    private ZooKeeperTarget(ZooKeeperReference zooKeeper) {
        this.zooKeeper = zooKeeper;
    }

    static ServerUnderTest start(ServerSettings settings) {
        ZooKeeperReference.Builder builder = ZooKeeperReference.builder()
                .tickTime(settings.tickTime())
                .extendedTypes(settings.extendedTypesEnabled())
                .fourLetterWords(settings.fourLetterWhitelist())
                .maxClientCnxns(settings.maxClientCnxns() != null
                        ? settings.maxClientCnxns() : DEFAULT_MAX_CLIENT_CNXNS);
        if (settings.minSessionTimeout() != null) {
            builder.minSessionTimeout(settings.minSessionTimeout());
        }
        if (settings.maxSessionTimeout() != null) {
            builder.maxSessionTimeout(settings.maxSessionTimeout());
        }
        if (settings.containerCheckIntervalMs() != null) {
            builder.containerCheckInterval(Duration.ofMillis(settings.containerCheckIntervalMs()));
        }
        return new ZooKeeperTarget(builder.start());
    }

    @Override
    public String connectString() {
        return zooKeeper.connectString();
    }

    @Override
    public int port() {
        return zooKeeper.port();
    }

    @Override
    public int juteMaxBuffer() {
        return zooKeeper.juteMaxBuffer();
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
        zooKeeper.close();
    }
}
